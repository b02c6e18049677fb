using System.Globalization;
using HoaxScreen.Core.Evaluation;
using HoaxScreen.Training.Evaluation;
using ScottPlot;

namespace HoaxScreen.Training.Reporting;

/// <summary>One label's precision-recall curve on the evaluation split, with the point its threshold picks.</summary>
public static class PrecisionRecallFigure
{
    public const int Width = 420;
    public const int Height = 400;

    public static string Render(LabelEvaluation label, Color color)
    {
        var plot = ReportPlot.Create($"{label.Label}: precision-recall (evaluation split)", "recall", "precision");
        ReportPlot.UnitAxes(plot);
        var curve = PrecisionRecallCurve.Compute(label.Rows);
        if (curve.Count == 0)
        {
            plot.Add.Annotation("no positive rows in the evaluation split", Alignment.MiddleCenter);
            return ReportPlot.ToSvg(plot, Width, Height);
        }

        var baseRate = (double)label.Rows.Count(r => r.Truth) / label.Rows.Count;
        var shareOfPositives = plot.Add.Line(0, baseRate, 1, baseRate);
        shareOfPositives.Color = ChartPalette.Reference;
        shareOfPositives.LinePattern = LinePattern.Dashed;
        shareOfPositives.LineWidth = 1.5f;
        shareOfPositives.MarkerSize = 0;
        shareOfPositives.LegendText = string.Create(CultureInfo.InvariantCulture, $"share of positives ({baseRate:0.000})");

        var drawn = PointSampler.Downsample(curve);
        var line = plot.Add.ScatterLine(drawn.Select(p => p.Recall).ToArray(), drawn.Select(p => p.Precision).ToArray(), color);
        line.LineWidth = 2;
        line.LegendText = string.Create(CultureInfo.InvariantCulture, $"curve (average precision {PrecisionRecallCurve.AveragePrecision(curve):0.000})");

        var counts = ConfusionCounts.At(label.Rows, label.Threshold);
        var threshold = plot.Add.Marker(counts.Recall, counts.Precision, MarkerShape.OpenCircle, 11, Colors.Black);
        threshold.LineWidth = 2.5f;
        threshold.LegendText = string.Create(CultureInfo.InvariantCulture,
            $"threshold {label.Threshold:0.000}: precision {counts.Precision:0.00}, recall {counts.Recall:0.00}");

        plot.ShowLegend(Edge.Bottom);
        return ReportPlot.ToSvg(plot, Width, Height);
    }
}
