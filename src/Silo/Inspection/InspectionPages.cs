using System.Globalization;
using System.Text;
using RiptOrleans.Grains;
using RiptOrleans.Learner.Reports;
using RiptOrleans.Learner.Ript;

namespace RiptOrleans.Silo.Inspection;

/// <summary>The HTML of the inspection pages: plain tables and the report's SVG curves, links between them and to the dashboard.</summary>
public static class InspectionPages
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private static string E(string? s) => LossCurveSvg.Escape(s ?? "");

    private static string U(string s) => Uri.EscapeDataString(s);

    private static StringBuilder Page(string title)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append(" - RiptOrleans</title><style>")
            .Append("body{font-family:sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}")
            .Append("td,th{border:1px solid #ccc;padding:3px 9px;text-align:left}th{background:#f2f2f2}nav a{margin-right:1.2em}")
            .Append(".num{text-align:right}.running{color:#0a6}.failed{color:#c22}svg{margin:0 1em 1em 0}")
            .Append("</style></head><body><nav><b>RiptOrleans</b> &nbsp; <a href=\"/\">runs</a><a href=\"/silos\">silos</a>")
            .Append("<a href=\"/dashboard\">Orleans dashboard</a></nav><h1>").Append(E(title)).Append("</h1>");
        return sb;
    }

    private static string End(StringBuilder sb) => sb.Append("</body></html>").ToString();

    public static string Overview(ClusterView view)
    {
        var sb = Page("Runs");
        if (view.Runs.Count == 0) sb.Append("<p>No run in this cluster yet.</p>");
        else
        {
            sb.Append("<table><tr><th>run</th><th>phase</th><th>iteration</th><th>policy version</th><th>rollout SR (last)</th><th>learner silo</th></tr>");
            foreach (var r in view.Runs)
                sb.Append(C, $"<tr><td><a href=\"/run?id={U(r.Run)}\">{E(r.Run)}</a></td><td class=\"{r.Phase.ToLowerInvariant()}\">{E(r.Phase)}</td>")
                    .Append(C, $"<td class=\"num\">{Math.Min(r.Iteration + 1, r.Iterations)}/{r.Iterations}</td><td class=\"num\">v{r.PolicyVersion}</td>")
                    .Append(C, $"<td class=\"num\">{(r.Curve.Count == 0 ? "-" : r.Curve[^1].RolloutSuccessRate.ToString("P0", C))}</td><td>{E(r.Silo)}</td></tr>");
            sb.Append("</table>");
        }
        sb.Append("<h2>Silos</h2>");
        SiloTable(sb, view.Silos);
        return End(sb);
    }

    public static string Run(RunView run, IReadOnlyList<TaskView> tasks)
    {
        var sb = Page($"Run {run.Run}");
        sb.Append(C, $"<p>Phase <b class=\"{run.Phase.ToLowerInvariant()}\">{E(run.Phase)}</b>, iteration {Math.Min(run.Iteration + 1, run.Iterations)} of {run.Iterations}, ")
            .Append(C, $"policy v{run.PolicyVersion}, learner on {E(run.Silo)}{(run.OutDirectory is null ? "" : $", run directory {E(run.OutDirectory)}")}.</p>");
        if (run.Error is not null) sb.Append("<p class=\"failed\">").Append(E(run.Error)).Append("</p>");
        sb.Append("<h2>Tasks</h2><table><tr><th>task</th><th>contexts</th><th>groups</th><th>rollout SR</th><th>SR per policy version</th>")
            .Append("<th>accepted</th><th>rejected all-success</th><th>rejected all-fail</th><th>late</th><th>mean length</th><th>failure reasons</th></tr>");
        foreach (var t in tasks)
            sb.Append(C, $"<tr><td><a href=\"/contexts?run={U(run.Run)}&task={U(t.Task)}\">{E(t.Task)}</a></td><td class=\"num\">{t.Contexts}</td>")
                .Append(C, $"<td class=\"num\">{t.Groups}</td><td class=\"num\">{t.SuccessRate:P0}</td><td>{Versions(t.SuccessRateByVersion)}</td>")
                .Append(C, $"<td class=\"num\">{t.Accepted}</td><td class=\"num\">{t.RejectedAllSuccess}</td><td class=\"num\">{t.RejectedAllFail}</td>")
                .Append(C, $"<td class=\"num\">{t.Late}</td><td class=\"num\">{Length(t.MeanEpisodeLength)}</td><td>{Reasons(t.FailureReasons)}</td></tr>");
        sb.Append("</table><h2>Iterations</h2>");
        Curves(sb, run.Curve);
        return End(sb);
    }

    public static string Contexts(string runId, string? taskId, IReadOnlyList<ContextView> contexts)
    {
        var sb = Page(taskId is null ? $"Contexts of run {runId}" : $"Contexts of {taskId}");
        sb.Append(C, $"<p>Run <a href=\"/run?id={U(runId)}\">{E(runId)}</a>: {contexts.Count} contexts.</p>");
        sb.Append("<table><tr><th>context</th><th>groups</th><th>rollout SR</th><th>SR per policy version</th><th>accepted</th><th>rejected all-success</th>")
            .Append("<th>rejected all-fail</th><th>mean length</th><th>failure reasons</th><th>grains (replica: silo, groups, state)</th></tr>");
        foreach (var c in contexts)
        {
            sb.Append(C, $"<tr><td>{E(c.Context)}</td><td class=\"num\">{c.Groups}</td><td class=\"num\">{c.SuccessRate:P0}</td><td>{Versions(c.SuccessRateByVersion)}</td>")
                .Append(C, $"<td class=\"num\">{c.Accepted}</td><td class=\"num\">{c.RejectedAllSuccess}</td><td class=\"num\">{c.RejectedAllFail}</td>")
                .Append(C, $"<td class=\"num\">{Length(c.MeanEpisodeLength)}</td><td>{Reasons(c.FailureReasons)}</td><td>");
            foreach (var r in c.Replicas)
                sb.Append(C, $"{E(r.Grain[c.Context.Length..].TrimStart('#') is { Length: > 0 } n ? "#" + n : "#0")}: {E(r.Silo)}, {r.Groups} groups, ")
                    .Append(r.RunningJob is null ? "idle" : $"<span class=\"running\">running ({r.EpisodesDone}/{r.Envs} episodes done)</span>").Append("<br>");
            sb.Append("</td></tr>");
        }
        return End(sb.Append("</table>"));
    }

    public static string Silos(IReadOnlyList<SiloView> silos)
    {
        var sb = Page("Silos");
        SiloTable(sb, silos);
        return End(sb);
    }

    private static void SiloTable(StringBuilder sb, IReadOnlyList<SiloView> silos)
    {
        sb.Append("<table><tr><th>silo</th><th>name</th><th>status</th><th>role</th><th>gpu</th><th>slots</th><th>schema</th><th>grains</th><th>context groups</th></tr>");
        foreach (var s in silos)
            sb.Append(C, $"<tr><td>{E(s.Silo)}</td><td>{E(s.Name)}</td><td>{E(s.Status)}</td><td>{E(s.Role)}</td><td>{(s.Gpu ? "yes" : "no")}</td>")
                .Append(C, $"<td class=\"num\">{s.Slots}</td><td class=\"num\">{s.Schema}</td>")
                .Append("<td>").Append(string.Join("<br>", s.Grains.Select(g => $"{E(g.Key)}: {g.Value}"))).Append("</td>")
                .Append("<td>").Append(E(string.Join(", ", s.ContextGroups.Take(12)))).Append(s.ContextGroups.Count > 12 ? $" and {s.ContextGroups.Count - 12} more" : "").Append("</td></tr>");
        sb.Append("</table>");
    }

    private static void Curves(StringBuilder sb, IReadOnlyList<RiptMetricsLine> lines)
    {
        if (lines.Count == 0)
        {
            sb.Append("<p>No iteration finished yet.</p>");
            return;
        }
        sb.Append(RiptReport.Curves(lines));
    }

    /// <summary>Mean episode length, or "-" when only all-equal groups ran (they ship no episodes).</summary>
    private static string Length(double? mean) => mean is { } m ? m.ToString("F0", C) : "-";

    private static string Versions(IReadOnlyDictionary<long, double> byVersion) =>
        string.Join(" ", byVersion.Select(kv => string.Create(C, $"v{kv.Key}: {kv.Value:P0}")));

    private static string Reasons(IReadOnlyDictionary<string, int> reasons) =>
        reasons.Count == 0 ? "-" : string.Join("<br>", reasons.Take(5).Select(kv => $"{E(kv.Key)} ×{kv.Value}"));
}
