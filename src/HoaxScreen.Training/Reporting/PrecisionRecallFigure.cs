using System.Globalization;
using HoaxScreen.Core.Evaluation;
using HoaxScreen.Training.Evaluation;

namespace HoaxScreen.Training.Reporting;

/// <summary>One label's precision-recall curve on the evaluation split, with the point its threshold picks.</summary>
public static class PrecisionRecallFigure
{
    private static readonly double[] Ticks = [0, 0.2, 0.4, 0.6, 0.8, 1.0];

    public static string Render(LabelEvaluation label, string color)
    {
        var chart = new SvgChart(380, 366, $"{label.Label}: precision-recall (evaluation split)")
            .Area(58, 36, 300, 240, (0, 1), (0, 1))
            .Axes("recall", "precision", Ticks, Ticks);
        var curve = PrecisionRecallCurve.Compute(label.Rows);
        if (curve.Count == 0)
        {
            return chart.Notice("no positive rows in the evaluation split").Render();
        }

        var baseRate = (double)label.Rows.Count(r => r.Truth) / label.Rows.Count;
        var counts = ConfusionCounts.At(label.Rows, label.Threshold);
        var averagePrecision = PrecisionRecallCurve.AveragePrecision(curve);
        return chart
            .Polyline([(0, baseRate), (1, baseRate)], ChartPalette.Reference, 1.5, dashed: true)
            .Polyline([.. PointSampler.Downsample(curve).Select(p => (p.Recall, p.Precision))], color)
            .Marker(counts.Recall, counts.Precision, "#000000", 5, string.Create(CultureInfo.InvariantCulture, $"threshold {label.Threshold:0.000}"), hollow: true)
            .Legend(66, 332, [
                (string.Create(CultureInfo.InvariantCulture, $"curve (average precision {averagePrecision:0.000})"), color, false),
                (string.Create(CultureInfo.InvariantCulture, $"share of positives ({baseRate:0.000})"), ChartPalette.Reference, true),
            ])
            .Render();
    }
}
