using System.Globalization;
using System.Text;

namespace RiptOrleans.Learner.Reports;

/// <summary>One line chart as inline SVG, drawn by hand: axes with five ticks each, one polyline per series.</summary>
public static class LossCurveSvg
{
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];

    /// <summary>An SVG of the series (name → (x, y) points) with the given axis labels.</summary>
    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<(string Name, IReadOnlyList<(double X, double Y)> Points)> series,
        int width = 640, int height = 300)
    {
        var c = CultureInfo.InvariantCulture;
        var all = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.Y)).ToList();
        var sb = new StringBuilder();
        sb.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">");
        sb.Append(c, $"<text x=\"{width / 2}\" y=\"16\" text-anchor=\"middle\" font-size=\"13\">{Escape(title)}</text>");
        const int left = 60, right = 20, top = 28, bottom = 40;
        int pw = width - left - right, ph = height - top - bottom;
        if (all.Count == 0)
        {
            sb.Append(c, $"<text x=\"{width / 2}\" y=\"{height / 2}\" text-anchor=\"middle\">no data</text></svg>");
            return sb.ToString();
        }
        double x0 = all.Min(p => p.X), x1 = all.Max(p => p.X), y0 = Math.Min(0, all.Min(p => p.Y)), y1 = all.Max(p => p.Y);
        if (x1 <= x0) x1 = x0 + 1;
        if (y1 <= y0) y1 = y0 + 1;
        double Sx(double x) => left + (x - x0) / (x1 - x0) * pw;
        double Sy(double y) => top + ph - (y - y0) / (y1 - y0) * ph;
        sb.Append(c, $"<rect x=\"{left}\" y=\"{top}\" width=\"{pw}\" height=\"{ph}\" fill=\"none\" stroke=\"#888\"/>");
        for (var i = 0; i <= 4; i++)
        {
            double xv = x0 + (x1 - x0) * i / 4, yv = y0 + (y1 - y0) * i / 4;
            sb.Append(c, $"<line x1=\"{Sx(xv):F1}\" y1=\"{top + ph}\" x2=\"{Sx(xv):F1}\" y2=\"{top + ph + 4}\" stroke=\"#888\"/>");
            sb.Append(c, $"<text x=\"{Sx(xv):F1}\" y=\"{top + ph + 16}\" text-anchor=\"middle\">{xv:G4}</text>");
            sb.Append(c, $"<line x1=\"{left - 4}\" y1=\"{Sy(yv):F1}\" x2=\"{left + pw}\" y2=\"{Sy(yv):F1}\" stroke=\"#eee\"/>");
            sb.Append(c, $"<text x=\"{left - 6}\" y=\"{Sy(yv) + 4:F1}\" text-anchor=\"end\">{yv:G3}</text>");
        }
        sb.Append(c, $"<text x=\"{left + pw / 2}\" y=\"{height - 6}\" text-anchor=\"middle\">{Escape(xLabel)}</text>");
        sb.Append(c, $"<text x=\"14\" y=\"{top + ph / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {top + ph / 2})\">{Escape(yLabel)}</text>");
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Colours[s % Colours.Length];
            var pts = string.Join(" ", series[s].Points.Where(p => double.IsFinite(p.Y)).Select(p => string.Create(c, $"{Sx(p.X):F1},{Sy(p.Y):F1}")));
            sb.Append(c, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"{pts}\"/>");
            if (series[s].Points.Count == 1 || series[s].Points.Count <= 12)
                foreach (var p in series[s].Points)
                    sb.Append(c, $"<circle cx=\"{Sx(p.X):F1}\" cy=\"{Sy(p.Y):F1}\" r=\"3\" fill=\"{colour}\"/>");
            sb.Append(c, $"<text x=\"{left + pw - 4}\" y=\"{top + 14 + 14 * s}\" text-anchor=\"end\" fill=\"{colour}\">{Escape(series[s].Name)}</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    public static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
