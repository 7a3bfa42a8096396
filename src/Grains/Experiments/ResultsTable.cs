using System.Globalization;
using System.Text;

namespace RiptOrleans.Grains.Experiments;

/// <summary>
/// An experiment's results as a Markdown table: a row per (unit, family, variant, demos) with success rates in percent
/// as mean ± standard deviation over seeds, the gain in points and the cost (env steps and wall-clock of stage 3, per
/// iteration), then a row per (family,
/// variant, demos) averaged over units, and the paper's numbers above.
/// </summary>
public static class ResultsTable
{
    /// <summary>The table's columns.</summary>
    public static readonly IReadOnlyList<string> Header =
        ["unit", "family", "variant", "demos", "seeds", "SFT", "SFT + RIPT", "Δ", "sampled SFT", "sampled SFT + RIPT", "iterations", "env steps", "stage-3 s", "s / iteration", "rollouts / s", "notes"];

    public static string Markdown(ExperimentDefinition definition, IReadOnlyList<CellResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"# {definition.Name}: {definition.Title}\n\n");
        sb.Append(c, $"Paper: {definition.Paper}\n\n");
        var (rows, footnotes) = Rows(definition, results);
        if (rows.Count == 0)
        {
            sb.Append("No cell has finished yet.\n");
            return sb.ToString();
        }
        sb.Append("Success rates in % on the held-out contexts, greedy (the mode / the mean action) and, where measured, with sampled actions ");
        sb.Append("(the rollout policy; QueST's official evaluation samples); mean ± std over seeds; Δ in points (greedy).\n\n");
        sb.Append("| ").Append(string.Join(" | ", Header)).Append(" |\n");
        sb.Append('|').Append(string.Concat(Header.Select(_ => "---|"))).Append('\n');
        foreach (var row in rows)
            sb.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        if (footnotes.Count > 0)
        {
            sb.Append('\n');
            for (var i = 0; i < footnotes.Count; i++)
                sb.Append(c, $"[{i + 1}] {footnotes[i]}\n");
        }
        return sb.ToString();
    }

    /// <summary>The table's rows (cells as text) and footnotes, for Markdown and the HTML page.</summary>
    public static (IReadOnlyList<string[]> Rows, IReadOnlyList<string> Footnotes) Rows(ExperimentDefinition definition, IReadOnlyList<CellResult> results)
    {
        var mine = results.Where(r => r.Experiment == definition.Name).ToList();
        var table = new List<string[]>();
        var variantOrder = definition.Variants.Select((v, i) => (v.Name, i)).ToDictionary(x => x.Name, x => x.i);
        var rows = mine.GroupBy(r => (r.Unit, r.Family, r.Variant, r.Demos))
            .OrderBy(g => g.Key.Family, StringComparer.Ordinal).ThenBy(g => g.Key.Unit, StringComparer.Ordinal)
            .ThenBy(g => variantOrder.GetValueOrDefault(g.Key.Variant, int.MaxValue)).ThenBy(g => g.Key.Demos);
        var footnotes = new List<string>();
        foreach (var g in rows)
        {
            var stopped = g.Where(r => r.Status == CellResult.Stopped).ToList();
            var note = "";
            if (stopped.Count > 0)
            {
                footnotes.Add($"{g.Key.Unit} / {g.Key.Family} / {g.Key.Variant} / {g.Key.Demos} demos, seed {string.Join(", ", stopped.Select(s => s.Seed))}: {stopped[0].StopReason}");
                note = $"RIPT stopped in {stopped.Count} of {g.Count()} [{footnotes.Count}]";
            }
            table.Add(Row(g.Key.Unit, g.Key.Family, g.Key.Variant, g.Key.Demos, g.ToList(), note));
        }
        var units = mine.Select(r => r.Unit).Distinct().Count();
        if (units > 1)
            foreach (var g in mine.GroupBy(r => (r.Family, r.Variant, r.Demos)).OrderBy(g => g.Key.Family, StringComparer.Ordinal)
                         .ThenBy(g => variantOrder.GetValueOrDefault(g.Key.Variant, int.MaxValue)).ThenBy(g => g.Key.Demos))
            {
                var n = g.Select(r => r.Unit).Distinct().Count();
                // Per seed, the mean over units; then mean ± std over seeds.
                var perSeed = g.GroupBy(r => r.Seed).Select(s => new CellResult
                {
                    Experiment = definition.Name, Cell = "", Unit = "", Family = g.Key.Family, Demos = g.Key.Demos, Seed = s.Key, Variant = g.Key.Variant,
                    Status = CellResult.Finished, SuccessBefore = s.Average(r => r.SuccessBefore), SuccessAfter = s.Average(r => r.SuccessAfter),
                    IterationsRun = (int)Math.Round(s.Average(r => r.IterationsRun)), SecondsPerIteration = s.Average(r => r.SecondsPerIteration),
                    RolloutsPerSecond = s.Average(r => r.RolloutsPerSecond), SimSteps = (long)Math.Round(s.Average(r => r.SimSteps)),
                    SampledBefore = s.All(r => r.SampledBefore is not null) ? s.Average(r => r.SampledBefore!.Value) : null,
                    SampledAfter = s.All(r => r.SampledAfter is not null) ? s.Average(r => r.SampledAfter!.Value) : null,
                }).ToList();
                table.Add(Row($"mean of {n} units", g.Key.Family, g.Key.Variant, g.Key.Demos, perSeed, ""));
            }
        return (table, footnotes);
    }

    private static string[] Row(string unit, string family, string variant, int demos, IReadOnlyList<CellResult> r, string note)
    {
        var c = CultureInfo.InvariantCulture;
        var before = r.Select(x => 100 * x.SuccessBefore).ToList();
        var after = r.Select(x => 100 * x.SuccessAfter).ToList();
        var delta = after.Average() - before.Average();
        var sampled = r.All(x => x.SampledBefore is not null && x.SampledAfter is not null);
        return
        [
            unit, family, variant, demos.ToString(c), r.Select(x => x.Seed).Distinct().Count().ToString(c), MeanStd(before), MeanStd(after),
            string.Create(c, $"{(delta >= 0 ? "+" : "")}{delta:F1}"),
            sampled ? MeanStd(r.Select(x => 100 * x.SampledBefore!.Value).ToList()) : "",
            sampled ? MeanStd(r.Select(x => 100 * x.SampledAfter!.Value).ToList()) : "",
            r.Average(x => x.IterationsRun).ToString("0.#", c), r.Average(x => x.SimSteps).ToString("F0", c),
            r.Average(x => x.IterationsRun * x.SecondsPerIteration).ToString("F0", c),
            r.Average(x => x.SecondsPerIteration).ToString("F1", c), r.Average(x => x.RolloutsPerSecond).ToString("F2", c), note,
        ];
    }

    /// <summary>"mean" for one value, "mean ± std" (sample std) for more.</summary>
    public static string MeanStd(IReadOnlyList<double> values)
    {
        var c = CultureInfo.InvariantCulture;
        var mean = values.Average();
        if (values.Count < 2) return mean.ToString("F1", c);
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return string.Create(c, $"{mean:F1} ± {std:F1}");
    }
}
