using System.Globalization;
using System.Text;
using RiptOrleans.Learner.Reports;

namespace RiptOrleans.Grains.Experiments;

/// <summary>One line chart as inline SVG, drawn by hand: a polyline per series through the means, with a vertical bar from low to high at each point (spread over seeds).</summary>
public static class SpreadChartSvg
{
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];

    /// <summary>One point: x, the mean and the spread around it.</summary>
    public readonly record struct Point(double X, double Mean, double Low, double High);

    /// <param name="series">Name, points, and whether to draw it dashed (e.g. the SFT baseline).</param>
    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<(string Name, IReadOnlyList<Point> Points, bool Dashed)> series,
        double? yMin = null, double? yMax = null, int width = 640, int height = 320)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">");
        sb.Append(c, $"<text x=\"{width / 2}\" y=\"16\" text-anchor=\"middle\" font-size=\"13\">{LossCurveSvg.Escape(title)}</text>");
        const int left = 60, right = 190, top = 28, bottom = 40;
        int pw = width - left - right, ph = height - top - bottom;
        var all = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.Mean)).ToList();
        if (all.Count == 0)
        {
            sb.Append(c, $"<text x=\"{width / 2}\" y=\"{height / 2}\" text-anchor=\"middle\">no data</text></svg>");
            return sb.ToString();
        }
        double x0 = all.Min(p => p.X), x1 = all.Max(p => p.X);
        double y0 = yMin ?? all.Min(p => p.Low), y1 = yMax ?? all.Max(p => p.High);
        if (x1 <= x0) { x0 -= 1; x1 += 1; }
        if (y1 <= y0) y1 = y0 + 1;
        double Sx(double x) => left + (x - x0) / (x1 - x0) * pw;
        double Sy(double y) => top + ph - (Math.Clamp(y, y0, y1) - y0) / (y1 - y0) * ph;
        sb.Append(c, $"<rect x=\"{left}\" y=\"{top}\" width=\"{pw}\" height=\"{ph}\" fill=\"none\" stroke=\"#888\"/>");
        var xs = all.Select(p => p.X).Distinct().OrderBy(x => x).ToList();
        var xTicks = xs.Count <= 8 ? xs : Enumerable.Range(0, 5).Select(i => x0 + (x1 - x0) * i / 4).ToList();
        foreach (var xv in xTicks)
        {
            sb.Append(c, $"<line x1=\"{Sx(xv):F1}\" y1=\"{top + ph}\" x2=\"{Sx(xv):F1}\" y2=\"{top + ph + 4}\" stroke=\"#888\"/>");
            sb.Append(c, $"<text x=\"{Sx(xv):F1}\" y=\"{top + ph + 16}\" text-anchor=\"middle\">{xv:G4}</text>");
        }
        for (var i = 0; i <= 4; i++)
        {
            var yv = y0 + (y1 - y0) * i / 4;
            sb.Append(c, $"<line x1=\"{left - 4}\" y1=\"{Sy(yv):F1}\" x2=\"{left + pw}\" y2=\"{Sy(yv):F1}\" stroke=\"#eee\"/>");
            sb.Append(c, $"<text x=\"{left - 6}\" y=\"{Sy(yv) + 4:F1}\" text-anchor=\"end\">{yv:G3}</text>");
        }
        sb.Append(c, $"<text x=\"{left + pw / 2}\" y=\"{height - 6}\" text-anchor=\"middle\">{LossCurveSvg.Escape(xLabel)}</text>");
        sb.Append(c, $"<text x=\"14\" y=\"{top + ph / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {top + ph / 2})\">{LossCurveSvg.Escape(yLabel)}</text>");
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Colours[s % Colours.Length];
            var points = series[s].Points.Where(p => double.IsFinite(p.Mean)).OrderBy(p => p.X).ToList();
            var dash = series[s].Dashed ? " stroke-dasharray=\"5,3\"" : "";
            sb.Append(c, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\"{dash} points=\"{string.Join(" ", points.Select(p => string.Create(c, $"{Sx(p.X):F1},{Sy(p.Mean):F1}")))}\"/>");
            foreach (var p in points)
            {
                if (p.High > p.Low)
                    sb.Append(c, $"<line x1=\"{Sx(p.X):F1}\" y1=\"{Sy(p.Low):F1}\" x2=\"{Sx(p.X):F1}\" y2=\"{Sy(p.High):F1}\" stroke=\"{colour}\" stroke-width=\"1\"/>");
                sb.Append(c, $"<circle cx=\"{Sx(p.X):F1}\" cy=\"{Sy(p.Mean):F1}\" r=\"2.5\" fill=\"{colour}\"/>");
            }
            var ly = top + 10 + 14 * s;
            sb.Append(c, $"<line x1=\"{left + pw + 10}\" y1=\"{ly - 4}\" x2=\"{left + pw + 28}\" y2=\"{ly - 4}\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>");
            sb.Append(c, $"<text x=\"{left + pw + 32}\" y=\"{ly}\" fill=\"{colour}\">{LossCurveSvg.Escape(series[s].Name)}</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }
}
