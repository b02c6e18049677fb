using System.Globalization;
using System.Text;
using HoaxScreen.Core.Modeling;

namespace HoaxScreen.Training.Reporting;

/// <summary>Per-label metrics as a fixed-width console table or a Markdown table.</summary>
public static class MetricsTable
{
    public static string Console(IEnumerable<(string Label, double Threshold, LabelMetrics Metrics)> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"label",-16} {"thresh",7} {"precision",9} {"recall",7} {"F1",7} {"ROC AUC",8} {"ECE",6} {"Brier",6} {"positives",9} {"rows",7}");
        foreach (var (label, threshold, m) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{label,-16} {threshold,7:F3} {m.Precision,9:F3} {m.Recall,7:F3} {m.F1,7:F3} {Optional(m.RocAuc),8} {Optional(m.Ece),6} {Optional(m.Brier),6} {m.Positives,9} {m.Rows,7}");
        }

        return text.ToString();
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

    /// <summary>A metric to three decimals, or "n/a" when it could not be computed (or was not recorded).</summary>
    public static string Optional(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "n/a";
}
