using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace HoaxScreen.Training.Reporting;

/// <summary>What every report figure shares: the embedded font, titles, fixed 0..1 ticks, and SVG output that is the same bytes for the same input.</summary>
public static partial class ReportPlot
{
    private static readonly double[] UnitTicks = [0, 0.2, 0.4, 0.6, 0.8, 1.0];

    /// <summary>A plot with its title and axis titles, drawn in <see cref="ReportFont"/>.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        ReportFont.EnsureRegistered();
        var plot = new Plot();
        plot.Title(title, size: 14);
        plot.XLabel(xLabel, size: 12);
        plot.YLabel(yLabel, size: 12);
        return plot;
    }

    /// <summary>
    /// Both axes 0..1 with ticks every 0.2, labelled in the invariant culture: the automatic ticks would follow the
    /// culture of the machine that trains (0,2 on an Indonesian one).
    /// </summary>
    public static void UnitAxes(Plot plot)
    {
        var labels = UnitTicks.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)).ToArray();
        plot.Axes.Bottom.TickGenerator = new NumericManual(UnitTicks, labels);
        plot.Axes.Left.TickGenerator = new NumericManual(UnitTicks, labels);
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
    }

    /// <summary>
    /// The plot as SVG text. Its clip-path ids (cl_ and a hex number) come from a counter that runs across the
    /// whole process, so they are renumbered from 1 in each file: a figure's bytes then depend on its input alone,
    /// not on what was drawn before it.
    /// </summary>
    public static string ToSvg(Plot plot, int width, int height)
    {
        var svg = plot.GetSvgXml(width, height);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m =>
        {
            if (!ids.TryGetValue(m.Value, out var renumbered))
            {
                renumbered = string.Create(CultureInfo.InvariantCulture, $"clip{ids.Count + 1}");
                ids.Add(m.Value, renumbered);
            }

            return renumbered;
        });
    }

    [GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial Regex ClipId();
}
