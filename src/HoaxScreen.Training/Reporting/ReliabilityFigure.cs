using System.Globalization;
using HoaxScreen.Core.Evaluation;
using HoaxScreen.Training.Evaluation;

namespace HoaxScreen.Training.Reporting;

/// <summary>
/// The reliability diagram: for every label, the share of positives against the mean probability in each of
/// the 10 equal-width score bins, beside the diagonal of perfect calibration.
/// </summary>
public static class ReliabilityFigure
{
    private static readonly double[] Ticks = [0, 0.2, 0.4, 0.6, 0.8, 1.0];

    public static string Render(IReadOnlyList<LabelEvaluation> labels)
    {
        var legendRows = labels.Count + 1;
        var chart = new SvgChart(560, Math.Max(340, 90 + legendRows * 17), "Calibration on the evaluation split")
            .Area(58, 36, 260, 260, (0, 1), (0, 1))
            .Axes("mean predicted probability (bin)", "share of positives (bin)", Ticks, Ticks)
            .Polyline([(0, 0), (1, 1)], ChartPalette.Reference, 1.5, dashed: true);
        var legend = new List<(string, string, bool)> { ("perfect calibration", ChartPalette.Reference, true) };
        for (var l = 0; l < labels.Count; l++)
        {
            var color = ChartPalette.Color(l);
            var bins = CalibrationMetrics.ReliabilityBins(labels[l].Rows);
            chart.Polyline([.. bins.Select(b => (b.MeanScore, b.PositiveShare))], color, 1.8);
            var largest = bins.Max(b => b.Rows);
            foreach (var bin in bins)
            {
                // Dot area follows the bin's row count: a sparse bin's share of positives is noisy.
                chart.Marker(bin.MeanScore, bin.PositiveShare, color, 1.5 + 3.5 * Math.Sqrt((double)bin.Rows / largest));
            }

            var ece = labels[l].Metrics.Ece is { } e ? e.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
            legend.Add(($"{labels[l].Label} (ECE {ece})", color, false));
        }

        return chart
            .Legend(340, 48, legend)
            .Text(340, 48 + legendRows * 17 + 6, "bigger dot: more rows in the bin", anchor: "start", size: 10)
            .Text(340, 48 + legendRows * 17 + 20, "10 equal-width bins; empty bins omitted", anchor: "start", size: 10)
            .Render();
    }
}
