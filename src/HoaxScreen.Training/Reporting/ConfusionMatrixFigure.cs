using System.Globalization;
using HoaxScreen.Core.Evaluation;
using HoaxScreen.Training.Evaluation;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace HoaxScreen.Training.Reporting;

/// <summary>
/// One label's 2×2 confusion matrix at its threshold on the evaluation split, as a heatmap: each cell shaded by its
/// share of the true class (so the diagonal is dark when the label works), with its count written in it.
/// </summary>
public static class ConfusionMatrixFigure
{
    public const int Width = 440;
    public const int Height = 340;

    public static string Render(LabelEvaluation label)
    {
        var c = ConfusionCounts.At(label.Rows, label.Threshold);
        var plot = ReportPlot.Create(
            string.Create(CultureInfo.InvariantCulture, $"{label.Label} at threshold {label.Threshold:0.000}"),
            string.Create(CultureInfo.InvariantCulture, $"model ({c.Rows:N0} evaluation rows with a known value)"),
            "truth");

        // Rows top to bottom: truly positive, truly negative; columns: flagged, not flagged.
        Cell[,] cells =
        {
            { new("true positive", c.TruePositives, c.Positives, "positives"), new("false negative", c.FalseNegatives, c.Positives, "positives") },
            { new("false positive", c.FalsePositives, c.Negatives, "negatives"), new("true negative", c.TrueNegatives, c.Negatives, "negatives") },
        };
        var shares = new double[2, 2];
        for (var row = 0; row < 2; row++)
        {
            for (var column = 0; column < 2; column++)
            {
                shares[row, column] = cells[row, column].Share;
            }
        }

        var heatmap = plot.Add.Heatmap(shares);
        // Light (none of the class) to mid blue (all of it): the darkest blues would hide the black counts.
        heatmap.Colormap = new ScottPlot.Colormaps.Reversed(new ScottPlot.Colormaps.Blues());
        heatmap.ManualRange = new ScottPlot.Range(0, 1.6);
        // Cells as rectangles: the default bitmap would be embedded in the SVG as a base64 picture.
        heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();

        // After the heatmap: plottables are drawn in the order they were added, so the counts go on top of the cells.
        for (var row = 0; row < 2; row++)
        {
            for (var column = 0; column < 2; column++)
            {
                // The heatmap draws its first row at the top, cells centred on whole coordinates (row 0 at y = 1).
                AddCount(plot, cells[row, column], column, 1 - row);
            }
        }

        plot.Axes.Bottom.TickGenerator = new NumericManual([0, 1], ["flagged", "not flagged"]);
        plot.Axes.Left.TickGenerator = new NumericManual([1, 0], ["positive", "negative"]);
        plot.Axes.SetLimits(-0.5, 1.5, -0.5, 1.5);
        return ReportPlot.ToSvg(plot, Width, Height);
    }

    private static void AddCount(Plot plot, Cell cell, double x, double y)
    {
        var count = plot.Add.Text(cell.Count.ToString("N0", CultureInfo.InvariantCulture), x, y);
        count.Alignment = Alignment.LowerCenter;
        count.LabelFontSize = 18;
        count.LabelBold = true;
        var caption = plot.Add.Text($"{cell.Name}\n{cell.ShareText}", x, y);
        caption.Alignment = Alignment.UpperCenter;
        caption.LabelFontSize = 11;
    }

    private sealed record Cell(string Name, int Count, int ClassTotal, string ClassName)
    {
        public double Share => ClassTotal == 0 ? 0 : (double)Count / ClassTotal;

        public string ShareText => ClassTotal == 0
            ? $"no {ClassName}"
            : string.Create(CultureInfo.InvariantCulture, $"{Share:0.0%} of {ClassName}");
    }
}
