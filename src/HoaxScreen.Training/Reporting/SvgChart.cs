using System.Globalization;
using System.Text;

namespace HoaxScreen.Training.Reporting;

/// <summary>
/// A tiny hand-written SVG builder for report figures: a titled canvas, one plot area mapping data to pixels,
/// axes with ticks and labels, polylines, markers, a legend and table cells. Output is byte-for-byte
/// deterministic: invariant culture, fixed decimals, '\n' line ends.
/// </summary>
public sealed class SvgChart
{
    private const string AxisColor = "#444444";
    private const string GridColor = "#e3e3e3";
    private readonly StringBuilder _body = new();
    private readonly double _width;
    private readonly double _height;
    private readonly string _title;
    private (double Left, double Top, double Width, double Height) _area;
    private (double Min, double Max) _x = (0, 1);
    private (double Min, double Max) _y = (0, 1);

    public SvgChart(double width, double height, string title)
    {
        _width = width;
        _height = height;
        _title = title;
        _area = (0, 0, width, height);
        Text(width / 2, 20, title, size: 14, bold: true);
    }

    /// <summary>Sets the plot area (pixels) and the data ranges it shows; later data coordinates map into it.</summary>
    public SvgChart Area(double left, double top, double width, double height, (double Min, double Max) x, (double Min, double Max) y)
    {
        _area = (left, top, width, height);
        _x = x;
        _y = y;
        return this;
    }

    /// <summary>Grid lines and labels at the ticks, a frame, and the axis titles.</summary>
    public SvgChart Axes(string xLabel, string yLabel, IReadOnlyList<double> xTicks, IReadOnlyList<double> yTicks, string tickFormat = "0.0")
    {
        var (left, top, width, height) = _area;
        foreach (var tick in xTicks)
        {
            var px = X(tick);
            Line(px, top, px, top + height, GridColor, 1);
            Text(px, top + height + 15, tick.ToString(tickFormat, CultureInfo.InvariantCulture), size: 10);
        }

        foreach (var tick in yTicks)
        {
            var py = Y(tick);
            Line(left, py, left + width, py, GridColor, 1);
            Text(left - 5, py + 3.5, tick.ToString(tickFormat, CultureInfo.InvariantCulture), anchor: "end", size: 10);
        }

        _body.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{N(left)}\" y=\"{N(top)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"none\" stroke=\"{AxisColor}\"/>\n");
        Text(left + width / 2, top + height + 32, xLabel);
        var yCenter = top + height / 2;
        _body.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{N(left - 36)}\" y=\"{N(yCenter)}\" text-anchor=\"middle\" transform=\"rotate(-90 {N(left - 36)} {N(yCenter)})\">{Escape(yLabel)}</text>\n");
        return this;
    }

    /// <summary>A line through data points, in order.</summary>
    public SvgChart Polyline(IReadOnlyList<(double X, double Y)> points, string color, double strokeWidth = 2, bool dashed = false)
    {
        if (points.Count == 0)
        {
            return this;
        }

        var coordinates = string.Join(' ', points.Select(p => $"{N(X(p.X))},{N(Y(p.Y))}"));
        _body.Append(CultureInfo.InvariantCulture,
            $"<polyline points=\"{coordinates}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{N(strokeWidth)}\" stroke-linejoin=\"round\"{Dash(dashed)}/>\n");
        return this;
    }

    /// <summary>
    /// A dot (or, when <paramref name="hollow"/>, a ring) at a data point, with an optional note below and to the
    /// left of it: under a falling curve, where there is usually room (moved right or up near the plot's edges).
    /// </summary>
    public SvgChart Marker(double x, double y, string color, double radius = 3, string? note = null, bool hollow = false)
    {
        var (px, py) = (X(x), Y(y));
        var paint = hollow ? $"fill=\"#ffffff\" stroke=\"{color}\" stroke-width=\"2.5\"" : $"fill=\"{color}\" stroke=\"#ffffff\" stroke-width=\"1\"";
        _body.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(px)}\" cy=\"{N(py)}\" r=\"{N(radius)}\" {paint}/>\n");
        if (note is not null)
        {
            var left = px > _area.Left + 110;
            var below = py < _area.Top + _area.Height - 24;
            Text(left ? px - radius - 3 : px + radius + 3, below ? py + radius + 13 : py - radius - 5, note, left ? "end" : "start", size: 11, halo: true);
        }

        return this;
    }

    /// <summary>Legend entries (a short line in the entry's colour, then its text), one per row from a pixel position.</summary>
    public SvgChart Legend(double x, double y, IReadOnlyList<(string Text, string Color, bool Dashed)> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var rowY = y + i * 17;
            Line(x, rowY - 4, x + 20, rowY - 4, entries[i].Color, 2.5, entries[i].Dashed);
            Text(x + 26, rowY, entries[i].Text, anchor: "start", size: 11);
        }

        return this;
    }

    /// <summary>A filled rectangle (pixels) with lines of text centred in it.</summary>
    public SvgChart Cell(double x, double y, double width, double height, string fill, IReadOnlyList<string> lines, bool boldFirst = true)
    {
        _body.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"{fill}\" stroke=\"{AxisColor}\"/>\n");
        const double lineHeight = 16;
        var firstBaseline = y + height / 2 - (lines.Count - 1) * lineHeight / 2 + 4;
        for (var i = 0; i < lines.Count; i++)
        {
            Text(x + width / 2, firstBaseline + i * lineHeight, lines[i], bold: boldFirst && i == 0, size: i == 0 ? 13 : 11);
        }

        return this;
    }

    /// <summary>Text at a pixel position; a halo (white outline) keeps it legible over lines.</summary>
    public SvgChart Text(double x, double y, string text, string anchor = "middle", double size = 12, bool bold = false, bool halo = false)
    {
        var sizeAttribute = size == 12 ? "" : $" font-size=\"{N(size)}\"";
        var boldAttribute = bold ? " font-weight=\"bold\"" : "";
        var haloAttributes = halo ? " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"" : "";
        _body.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\"{sizeAttribute}{boldAttribute}{haloAttributes}>{Escape(text)}</text>\n");
        return this;
    }

    /// <summary>Text centred in the plot area (e.g. when there is nothing to draw).</summary>
    public SvgChart Notice(string text) => Text(_area.Left + _area.Width / 2, _area.Top + _area.Height / 2, text, size: 11);

    public string Render()
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(_width)}\" height=\"{N(_height)}\" viewBox=\"0 0 {N(_width)} {N(_height)}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\" fill=\"#222222\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Escape(_title)}</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{N(_width)}\" height=\"{N(_height)}\" fill=\"#ffffff\"/>\n");
        svg.Append(_body);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private void Line(double x1, double y1, double x2, double y2, string color, double width, bool dashed = false) =>
        _body.Append(CultureInfo.InvariantCulture,
            $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{color}\" stroke-width=\"{N(width)}\"{Dash(dashed)}/>\n");

    private double X(double value) => _area.Left + (Math.Clamp(value, _x.Min, _x.Max) - _x.Min) / (_x.Max - _x.Min) * _area.Width;

    private double Y(double value) => _area.Top + _area.Height - (Math.Clamp(value, _y.Min, _y.Max) - _y.Min) / (_y.Max - _y.Min) * _area.Height;

    private static string Dash(bool dashed) => dashed ? " stroke-dasharray=\"5 4\"" : "";

    /// <summary>Pixel numbers with at most one decimal: small files, stable text.</summary>
    private static string N(double value)
    {
        var rounded = Math.Round(value, 1);
        return (rounded == 0 ? 0 : rounded).ToString("0.#", CultureInfo.InvariantCulture);
    }

    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
