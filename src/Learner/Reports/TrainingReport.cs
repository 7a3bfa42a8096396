using System.Globalization;
using System.Text;

namespace RiptOrleans.Learner.Reports;

/// <summary>One run's report.html: a summary table, a loss curve per stage and the evaluation success rates, all inline.</summary>
public static class TrainingReport
{
    /// <summary>Writes report.html from metrics lines ("stage", "step", "loss"; evaluation lines carry "eval/success_rate").</summary>
    public static void Write(string path, string title, IReadOnlyDictionary<string, string> summary, IReadOnlyList<IReadOnlyDictionary<string, object?>> metrics)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(LossCurveSvg.Escape(title)).Append("</title>");
        sb.Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}</style></head><body>");
        sb.Append("<h1>").Append(LossCurveSvg.Escape(title)).Append("</h1><table>");
        foreach (var (k, v) in summary)
            sb.Append("<tr><th>").Append(LossCurveSvg.Escape(k)).Append("</th><td>").Append(LossCurveSvg.Escape(v)).Append("</td></tr>");
        sb.Append("</table>");
        var losses = metrics.Where(m => m.ContainsKey("loss")).GroupBy(m => m["stage"]?.ToString() ?? "?");
        foreach (var g in losses)
        {
            var pts = g.Select(m => (X: Convert.ToDouble(m["step"], c), Y: Convert.ToDouble(m["loss"], c))).ToList();
            sb.Append("<h2>stage ").Append(LossCurveSvg.Escape(g.Key)).Append("</h2>");
            sb.Append(LossCurveSvg.Render($"{g.Key} loss", "step", "loss", [(g.Key, pts)]));
        }
        var evals = metrics.Where(m => m.ContainsKey("eval/success_rate")).ToList();
        if (evals.Count > 0)
        {
            var pts = evals.Select(m => (X: Convert.ToDouble(m["step"], c), Y: Convert.ToDouble(m["eval/success_rate"], c))).ToList();
            sb.Append("<h2>evaluation</h2>").Append(LossCurveSvg.Render("mean success rate", "step", "success rate", [("success rate", pts)]));
            sb.Append("<table><tr><th>step</th><th>key</th><th>value</th></tr>");
            foreach (var m in evals)
                foreach (var (k, v) in m.Where(kv => kv.Key.StartsWith("eval/", StringComparison.Ordinal)))
                    sb.Append(c, $"<tr><td>{m["step"]}</td><td>{LossCurveSvg.Escape(k)}</td><td>{Convert.ToDouble(v, c):F3}</td></tr>");
            sb.Append("</table>");
        }
        sb.Append("</body></html>");
        File.WriteAllText(path, sb.ToString());
    }
}
