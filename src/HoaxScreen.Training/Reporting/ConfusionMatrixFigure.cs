using System.Globalization;
using HoaxScreen.Core.Evaluation;
using HoaxScreen.Training.Evaluation;

namespace HoaxScreen.Training.Reporting;

/// <summary>One label's 2×2 confusion matrix at its threshold on the evaluation split; cells shaded by their share of the true class.</summary>
public static class ConfusionMatrixFigure
{
    private const double Left = 122;
    private const double Top = 62;
    private const double CellWidth = 130;
    private const double CellHeight = 62;

    public static string Render(LabelEvaluation label)
    {
        var c = ConfusionCounts.At(label.Rows, label.Threshold);
        var chart = new SvgChart(Left + 2 * CellWidth + 16, Top + 2 * CellHeight + 34,
                string.Create(CultureInfo.InvariantCulture, $"{label.Label} at threshold {label.Threshold:0.000}"))
            .Text(Left + CellWidth, Top - 26, "model", size: 11)
            .Text(Left + CellWidth / 2, Top - 8, "flagged", bold: true)
            .Text(Left + CellWidth * 1.5, Top - 8, "not flagged", bold: true)
            .Text(Left - 10, Top + CellHeight / 2 - 4, "truly", anchor: "end", size: 11)
            .Text(Left - 10, Top + CellHeight / 2 + 12, "positive", anchor: "end", bold: true)
            .Text(Left - 10, Top + CellHeight * 1.5 - 4, "truly", anchor: "end", size: 11)
            .Text(Left - 10, Top + CellHeight * 1.5 + 12, "negative", anchor: "end", bold: true);
        Cell(chart, 0, 0, "true positive", c.TruePositives, c.Positives, "positives", ChartPalette.Correct);
        Cell(chart, 1, 0, "false negative", c.FalseNegatives, c.Positives, "positives", ChartPalette.Error);
        Cell(chart, 0, 1, "false positive", c.FalsePositives, c.Negatives, "negatives", ChartPalette.Error);
        Cell(chart, 1, 1, "true negative", c.TrueNegatives, c.Negatives, "negatives", ChartPalette.Correct);
        chart.Text(Left + CellWidth, Top + 2 * CellHeight + 22,
            string.Create(CultureInfo.InvariantCulture, $"{c.Rows:N0} evaluation rows with a known value"), size: 10);
        return chart.Render();
    }

    private static void Cell(SvgChart chart, int column, int row, string name, int count, int classTotal, string className, string color)
    {
        var share = classTotal == 0 ? 0 : (double)count / classTotal;
        var shareText = classTotal == 0 ? $"no {className}" : string.Create(CultureInfo.InvariantCulture, $"{share:0.0%} of {className}");
        chart.Cell(Left + column * CellWidth, Top + row * CellHeight, CellWidth, CellHeight,
            ChartPalette.Tint(color, 0.12 + 0.55 * share),
            [count.ToString("N0", CultureInfo.InvariantCulture), name, shareText]);
    }
}
