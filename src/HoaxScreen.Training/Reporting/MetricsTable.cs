using System.Globalization;
using System.Text;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Training.Terminal;
using Spectre.Console;

namespace HoaxScreen.Training.Reporting;

/// <summary>Per-label metrics as a console table (Spectre) or a Markdown table (reports).</summary>
public static class MetricsTable
{
    public static Table Console(IEnumerable<(string Label, double Threshold, LabelMetrics Metrics)> rows, TableBorder border)
    {
        var table = ConsoleTable.Create(border, "label", "thresh", "precision", "recall", "F1", "ROC AUC", "ECE", "Brier", "positives", "rows");
        foreach (var (label, threshold, m) in rows)
        {
            ConsoleTable.AddRow(table, label, F3(threshold), F3(m.Precision), F3(m.Recall), F3(m.F1),
                Optional(m.RocAuc), Optional(m.Ece), Optional(m.Brier), Count(m.Positives), Count(m.Rows));
        }

        return table;
    }

    public static string Markdown(IEnumerable<(string Label, double Threshold, LabelMetrics Metrics)> rows)
    {
        var md = new StringBuilder();
        md.AppendLine("| label | threshold | precision | recall | F1 | ROC AUC | ECE | Brier | positives | rows |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (label, threshold, m) in rows)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {label} | {threshold:F3} | {m.Precision:F3} | {m.Recall:F3} | {m.F1:F3} | {Optional(m.RocAuc)} | {Optional(m.Ece)} | {Optional(m.Brier)} | {m.Positives} | {m.Rows} |");
        }

        return md.ToString();
    }

    private static string F3(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A metric to three decimals, or "n/a" when it could not be computed (or was not recorded).</summary>
    public static string Optional(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "n/a";
}
