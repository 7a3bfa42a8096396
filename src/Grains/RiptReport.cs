using System.Globalization;
using System.Text;
using RiptOrleans.Learner.Evaluation;
using RiptOrleans.Learner.Reports;
using RiptOrleans.Learner.Ript;

namespace RiptOrleans.Grains;

/// <summary>A run's report.html: success rates before and after per task, and the curves of every iteration (rollout and eval SR, rejections, loss, KL, clip fraction, time split).</summary>
public static class RiptReport
{
    public static void Write(string path, string title, IReadOnlyList<RiptMetricsLine> lines, IReadOnlyList<TaskScore> before, IReadOnlyList<TaskScore> after)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(LossCurveSvg.Escape(title)).Append("</title>");
        sb.Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px}</style></head><body>");
        var ireVla = lines.Any(l => l.Stage is not null);
        sb.Append(ireVla ? "<h1>iRe-VLA run " : "<h1>RIPT run ").Append(LossCurveSvg.Escape(title)).Append("</h1>");
        if (before.Count > 0 || after.Count > 0)
        {
            sb.Append(ireVla ? "<table><tr><th>task</th><th>before (SFT)</th><th>after (iRe-VLA)</th></tr>" : "<table><tr><th>task</th><th>before (SFT)</th><th>after (RIPT)</th></tr>");
            foreach (var a in after)
            {
                var b = before.FirstOrDefault(x => x.TaskId == a.TaskId);
                sb.Append(c, $"<tr><td>{LossCurveSvg.Escape(a.TaskId)}</td><td>{(b is null ? "" : b.SuccessRate.ToString("P0", c))}</td><td>{a.SuccessRate:P0}</td></tr>");
            }
            sb.Append("</table>");
        }
        sb.Append(Curves(lines, before.Count > 0 ? before.Average(s => s.SuccessRate) : null));
        if (ireVla) sb.Append(Stages(lines));
        sb.Append("</body></html>");
        File.WriteAllText(path, sb.ToString());
    }

    /// <summary>iRe-VLA's iterations as a table: the stage of each (rl: PPO on the head; sl: supervised on D_e ∪ D_RL), its round and task, SRs and losses.</summary>
    public static string Stages(IReadOnlyList<RiptMetricsLine> lines)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("<h2>iRe-VLA stages</h2>");
        sb.Append(LossCurveSvg.Render("iRe-VLA losses", "iteration", "loss",
            [("value (stage 1)", lines.Where(l => l.ValueLoss is not null).Select(l => ((double)l.Iteration + 1, l.ValueLoss!.Value)).ToList()),
             ("supervised (stage 2)", lines.Where(l => l.SupervisedLoss is not null).Select(l => ((double)l.Iteration + 1, l.SupervisedLoss!.Value)).ToList())]));
        sb.Append("<table><tr><th>iteration</th><th>stage</th><th>round</th><th>RL task</th><th>rollouts</th><th>rollout SR</th><th>D_RL</th><th>eval SR</th></tr>");
        foreach (var l in lines)
            sb.Append(c, $"<tr><td>{l.Iteration + 1}</td><td>{l.Stage}</td><td>{l.Round + 1}</td><td>{LossCurveSvg.Escape(l.RlTask ?? "")}</td><td>{l.Rollouts}</td>" +
                $"<td>{(l.Stage == "rl" ? l.RolloutSuccessRate.ToString("P0", c) : "")}</td><td>{l.OnlineTrajectories}</td><td>{(l.EvalSuccessRate is { } e ? e.ToString("P0", c) : "")}</td></tr>");
        sb.Append("</table>");
        return sb.ToString();
    }

    /// <summary>
    /// The run's curves as inline SVG: rollout and eval success rate (eval starting at <paramref name="before"/>, the SFT
    /// score, when known), groups accepted and rejected, the update's loss, KL and clip fraction, seconds per phase.
    /// </summary>
    public static string Curves(IReadOnlyList<RiptMetricsLine> lines, double? before = null)
    {
        var sb = new StringBuilder();
        IReadOnlyList<(double X, double Y)> Series(Func<RiptMetricsLine, double?> f) =>
            lines.Where(l => f(l) is not null).Select(l => ((double)l.Iteration + 1, f(l)!.Value)).ToList();
        var evalPoints = Series(l => l.EvalSuccessRate).ToList();
        if (before is { } b) evalPoints.Insert(0, (0, b));
        sb.Append(LossCurveSvg.Render("success rate", "iteration", "success rate",
            [("rollout (sampled)", Series(l => l.RolloutSuccessRate)), ("eval (greedy)", evalPoints)]));
        sb.Append(LossCurveSvg.Render("groups per iteration", "iteration", "groups",
            [("accepted", Series(l => l.Accepted)), ("rejected all-success", Series(l => l.RejectedAllSuccess)), ("rejected all-fail", Series(l => l.RejectedAllFail))]));
        sb.Append(LossCurveSvg.Render("update", "iteration", "value",
            [("policy loss", Series(l => l.PolicyLoss)), ("approx KL", Series(l => l.ApproxKl)), ("clip fraction", Series(l => l.ClipFraction))]));
        sb.Append(LossCurveSvg.Render("seconds per iteration", "iteration", "s",
            [("rollouts", Series(l => l.RolloutSeconds)), ("update", Series(l => l.LearnerSeconds))]));
        return sb.ToString();
    }
}
