using System.Globalization;
using System.Text;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Training.Evaluation;

namespace HoaxScreen.Training.Reporting;

/// <summary>
/// Per source and label it carries, metrics on that source's evaluation rows at the label's one threshold:
/// shows when a threshold (or a model) only works for one of the sources.
/// </summary>
public static class SourceMetricsTable
{
    public static string Markdown(IReadOnlyList<SourceManifest> sources, IEnumerable<SourceLabelEvaluation> rows)
    {
        var md = new StringBuilder();
        md.AppendLine("| source | label | rows | positives | precision | recall | F1 | ROC AUC |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var m = row.Metrics;
            // Without positives, precision, recall and F1 say nothing about this source.
            var scored = m.Positives > 0;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| `{sources[row.SourceIndex].Path}` | {row.Label} | {m.Rows:N0} | {m.Positives:N0} | {(scored ? F3(m.Precision) : "n/a")} | {(scored ? F3(m.Recall) : "n/a")} | {(scored ? F3(m.F1) : "n/a")} | {MetricsTable.Optional(m.RocAuc)} |");
        }

        return md.ToString();
    }

    private static string F3(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
}
