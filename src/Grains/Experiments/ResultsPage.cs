using System.Globalization;
using System.Text;
using RiptOrleans.Learner.Reports;
using static RiptOrleans.Grains.Experiments.SpreadChartSvg;

namespace RiptOrleans.Grains.Experiments;

/// <summary>
/// An experiment's results.html: the paper's numbers, the results table, and the paper-style plots drawn as inline
/// SVG — success rate vs demos (or vs context noise) with mean ± std over seeds, SFT dashed beside SFT + RIPT, and
/// success rate vs RIPT iteration (held-out greedy evaluation and the sampled rollouts) per family.
/// </summary>
public static class ResultsPage
{
    public static void Write(string path, ExperimentDefinition definition, IReadOnlyList<CellResult> results)
    {
        var mine = results.Where(r => r.Experiment == definition.Name).ToList();
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(LossCurveSvg.Escape(definition.Name)).Append("</title>");
        sb.Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}</style></head><body>");
        sb.Append("<h1>").Append(LossCurveSvg.Escape($"{definition.Name}: {definition.Title}")).Append("</h1>");
        sb.Append("<p>Paper: ").Append(LossCurveSvg.Escape(definition.Paper)).Append("</p>");
        sb.Append("<p>").Append(mine.Count).Append(" cells finished. Success rates in % on held-out contexts (greedy), mean ± std over seeds.</p>");
        var (rows, footnotes) = ResultsTable.Rows(definition, mine);
        sb.Append("<table><tr>").Append(string.Concat(ResultsTable.Header.Select(h => $"<th>{LossCurveSvg.Escape(h)}</th>"))).Append("</tr>");
        foreach (var row in rows)
            sb.Append("<tr>").Append(string.Concat(row.Select(v => $"<td>{LossCurveSvg.Escape(v)}</td>"))).Append("</tr>");
        sb.Append("</table>");
        foreach (var (note, i) in footnotes.Select((n, i) => (n, i)))
            sb.Append("<p>[").Append(i + 1).Append("] ").Append(LossCurveSvg.Escape(note)).Append("</p>");
        if (mine.Count > 0)
        {
            var noise = definition.Variants.Select(v => v.NoiseUnits).Distinct().Count() > 1;
            sb.Append(noise ? NoiseChart(mine, definition) : DemosChart(mine));
            foreach (var family in mine.Select(r => r.Family).Distinct().Order(StringComparer.Ordinal))
            {
                if (mine.Any(r => r.BudgetCurve.Count > 1 && r.Algorithm is not null) && mine.Select(r => r.Algorithm).Distinct().Count() > 1)
                {
                    sb.Append(BudgetChart(mine.Where(r => r.Family == family).ToList(), $"{family}: held-out success rate vs environment steps", p => p.SimSteps, "env steps (every rollout)"));
                    sb.Append(BudgetChart(mine.Where(r => r.Family == family).ToList(), $"{family}: held-out success rate vs wall-clock", p => p.Seconds, "seconds (rollouts + updates)"));
                }
                sb.Append(IterationChart(mine.Where(r => r.Family == family).ToList(), $"{family}: held-out success rate vs RIPT iteration", r => r.EvalCurve));
                sb.Append(IterationChart(mine.Where(r => r.Family == family).ToList(), $"{family}: sampled rollout success rate vs iteration", r => r.RolloutCurve));
            }
        }
        sb.Append("</body></html>");
        File.WriteAllText(path, sb.ToString());
    }

    /// <summary>Mean over units per seed, then mean ± std over seeds, of <paramref name="value"/>.</summary>
    private static Point Aggregate(double x, IEnumerable<CellResult> cells, Func<CellResult, double> value)
    {
        var perSeed = cells.GroupBy(r => r.Seed).Select(g => 100 * g.Average(value)).ToList();
        var mean = perSeed.Average();
        var std = perSeed.Count < 2 ? 0 : Math.Sqrt(perSeed.Sum(v => (v - mean) * (v - mean)) / (perSeed.Count - 1));
        return new Point(x, mean, mean - std, mean + std);
    }

    private static string DemosChart(IReadOnlyList<CellResult> mine)
    {
        var series = new List<(string, IReadOnlyList<Point>, bool)>();
        foreach (var g in mine.GroupBy(r => (r.Family, r.Variant)).OrderBy(g => g.Key.Family, StringComparer.Ordinal))
        {
            var name = mine.Select(r => r.Variant).Distinct().Count() > 1 ? $"{g.Key.Family} {g.Key.Variant}" : g.Key.Family;
            var byDemos = g.GroupBy(r => r.Demos).OrderBy(d => d.Key).ToList();
            series.Add(($"{name} SFT", byDemos.Select(d => Aggregate(d.Key, d, r => r.SuccessBefore)).ToList(), true));
            series.Add(($"{name} SFT + RIPT", byDemos.Select(d => Aggregate(d.Key, d, r => r.SuccessAfter)).ToList(), false));
        }
        return Render("success rate vs demonstrations (mean over units; bars: ± std over seeds)", "demos per task", "success rate (%)", series, 0, 100);
    }

    private static string NoiseChart(IReadOnlyList<CellResult> mine, ExperimentDefinition definition)
    {
        var units = definition.Variants.ToDictionary(v => v.Name, v => v.NoiseUnits);
        var series = new List<(string, IReadOnlyList<Point>, bool)>();
        foreach (var g in mine.Where(r => units.ContainsKey(r.Variant)).GroupBy(r => (r.Family, r.Demos)).OrderBy(g => g.Key.Family, StringComparer.Ordinal))
        {
            var byNoise = g.GroupBy(r => units[r.Variant]).OrderBy(n => n.Key).ToList();
            series.Add(($"{g.Key.Family} {g.Key.Demos} demos SFT", byNoise.Select(n => Aggregate(n.Key, n, r => r.SuccessBefore)).ToList(), true));
            series.Add(($"{g.Key.Family} {g.Key.Demos} demos SFT + RIPT", byNoise.Select(n => Aggregate(n.Key, n, r => r.SuccessAfter)).ToList(), false));
        }
        return Render("success rate vs context noise (bars: ± std over seeds)", "noise σ on the RL contexts (x 2.5 cm)", "success rate (%)", series, 0, 100);
    }

    /// <summary>SR against a budget axis per (unit, variant): the k-th evaluation of every seed averaged (x and y), bars ± std of SR over seeds.</summary>
    private static string BudgetChart(IReadOnlyList<CellResult> cells, string title, Func<BudgetPoint, double> x, string axis)
    {
        var series = new List<(string, IReadOnlyList<Point>, bool)>();
        foreach (var g in cells.GroupBy(r => (r.Unit, r.Variant, r.Demos)).OrderBy(g => g.Key.Unit, StringComparer.Ordinal).ThenBy(g => g.Key.Variant, StringComparer.Ordinal))
        {
            var points = g.SelectMany(r => r.BudgetCurve.Select((p, k) => (k, p))).GroupBy(v => v.k).OrderBy(v => v.Key)
                .Select(v =>
                {
                    var values = v.Select(q => 100 * q.p.SuccessRate).ToList();
                    var mean = values.Average();
                    var std = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(q => (q - mean) * (q - mean)) / (values.Count - 1));
                    return new Point(v.Average(q => x(q.p)), mean, mean - std, mean + std);
                }).ToList();
            series.Add(($"{g.Key.Unit} {g.Key.Demos}d {g.Key.Variant}", points, false));
        }
        return Render(title, axis, "success rate (%)", series, 0, 100);
    }

    private static string IterationChart(IReadOnlyList<CellResult> cells, string title, Func<CellResult, IReadOnlyList<CurvePoint>> curve)
    {
        var series = new List<(string, IReadOnlyList<Point>, bool)>();
        var groups = cells.GroupBy(r => (r.Unit, r.Variant, r.Demos)).OrderBy(g => g.Key.Unit, StringComparer.Ordinal).ThenBy(g => g.Key.Demos).ToList();
        foreach (var g in groups)
        {
            var name = string.Join(" ", new[] { g.Key.Unit, $"{g.Key.Demos}d", g.Key.Variant == ExperimentVariant.Ript.Name ? "" : g.Key.Variant }.Where(s => s.Length > 0));
            var points = g.SelectMany(r => curve(r).Select(p => (r.Seed, p))).GroupBy(x => x.p.Iteration).OrderBy(x => x.Key)
                .Select(x =>
                {
                    var values = x.Select(v => 100 * v.p.SuccessRate).ToList();
                    var mean = values.Average();
                    var std = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
                    return new Point(x.Key, mean, mean - std, mean + std);
                }).ToList();
            series.Add((name, points, false));
        }
        return Render(title, "iteration", "success rate (%)", series, 0, 100);
    }
}
