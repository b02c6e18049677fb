using System.Globalization;
using HoaxScreen.Core.Evaluation;
using HoaxScreen.Training.Evaluation;
using ScottPlot;

namespace HoaxScreen.Training.Reporting;

/// <summary>
/// The reliability diagram: for every label, the share of positives against the mean probability in each of
/// the 10 equal-width score bins, beside the diagonal of perfect calibration.
/// </summary>
public static class ReliabilityFigure
{
    public const int Width = 700;
    public const int Height = 420;

    public static string Render(IReadOnlyList<LabelEvaluation> labels)
    {
        var plot = ReportPlot.Create("Calibration on the evaluation split",
            "mean predicted probability (bin)", "share of positives (bin)");
        ReportPlot.UnitAxes(plot);
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = ChartPalette.Reference;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LineWidth = 1.5f;
        diagonal.MarkerSize = 0;
        diagonal.LegendText = "perfect calibration";

        for (var l = 0; l < labels.Count; l++)
        {
            var color = ChartPalette.Color(l);
            var bins = CalibrationMetrics.ReliabilityBins(labels[l].Rows);
            var ece = labels[l].Metrics.Ece is { } e ? e.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
            var line = plot.Add.ScatterLine(bins.Select(b => b.MeanScore).ToArray(), bins.Select(b => b.PositiveShare).ToArray(), color);
            line.LineWidth = 1.8f;
            line.LegendText = $"{labels[l].Label} (ECE {ece})";
            var largest = bins.Count == 0 ? 1 : bins.Max(b => b.Rows);
            foreach (var bin in bins)
            {
                // Dot area follows the bin's row count: a sparse bin's share of positives is noisy.
                plot.Add.Marker(bin.MeanScore, bin.PositiveShare, MarkerShape.FilledCircle, (float)(3 + 7 * Math.Sqrt((double)bin.Rows / largest)), color);
            }
        }

        foreach (var note in new[] { "10 equal-width bins, empty ones omitted", "bigger dot: more rows in the bin" })
        {
            // A legend row with no symbol: a marker that draws nothing.
            plot.Add.Marker(0, 0, MarkerShape.None, 0).LegendText = note;
        }

        plot.ShowLegend(Edge.Right);
        return ReportPlot.ToSvg(plot, Width, Height);
    }
}
