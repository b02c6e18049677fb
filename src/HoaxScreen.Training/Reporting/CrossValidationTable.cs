using System.Globalization;
using System.Text;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Training.Terminal;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HoaxScreen.Training.Reporting;

/// <summary>
/// A cross-validation summary, per label and per source, mean ± spread, and the clean-post flag rates: as Markdown
/// (the report file, and stdout when it is redirected) or as console tables for a terminal.
/// </summary>
public static class CrossValidationTable
{
    public static IRenderable Console(CrossValidationSummary summary, TableBorder border)
    {
        var labels = ConsoleTable.Create(border, "label", "source", "rows", "positives", "precision", "recall", "F1", "ROC AUC");
        labels.Columns[1].LeftAligned();
        foreach (var label in summary.Labels)
        {
            ConsoleTable.AddRow(labels, label.Label, "all", Count(label.Rows), Count(label.Positives),
                Format(label.Precision), Format(label.Recall), Format(label.F1), Format(label.RocAuc));
            foreach (var source in label.Sources)
            {
                ConsoleTable.AddRow(labels, string.Empty, source.Source, Count(source.Rows), Count(source.Positives), "", "", Format(source.F1), Format(source.RocAuc));
            }
        }

        var sources = summary.CleanFlagRates.Select(r => r.Source).Distinct().ToList();
        var clean = ConsoleTable.Create(border, "label", [.. sources]);
        foreach (var label in summary.CleanFlagRates.Select(r => r.Label).Distinct())
        {
            ConsoleTable.AddRow(clean, [label, .. sources.Select(source => CleanRate(summary, label, source))]);
        }

        return new Rows(
            new Text(string.Create(CultureInfo.InvariantCulture, $"{summary.Folds}-fold cross-validation ({summary.FoldRule}); mean ± standard deviation over the folds, each fold at its own model's threshold.")),
            labels,
            new Text("Clean posts flagged (posts whose every known label is 0, scored out of fold); * a source that never told the label anything."),
            clean);
    }

    public static string Markdown(CrossValidationSummary summary)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"{summary.Folds}-fold cross-validation ({summary.FoldRule}); mean ± standard deviation over the folds, each fold at its own model's threshold.");
        md.AppendLine();
        md.AppendLine("| label | source | rows | positives | precision | recall | F1 | ROC AUC |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var label in summary.Labels)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| **{label.Label}** | all | {label.Rows} | {label.Positives} | {Format(label.Precision)} | {Format(label.Recall)} | **{Format(label.F1)}** | {Format(label.RocAuc)} |");
            foreach (var source in label.Sources)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {label.Label} | {source.Source} | {source.Rows} | {source.Positives} | | | {Format(source.F1)} | {Format(source.RocAuc)} |");
            }
        }

        md.AppendLine();
        md.AppendLine("Clean posts flagged (posts whose every known label is 0, scored out of fold). A source marked * never told the label anything, so its rate is the false-alarm rate on ordinary posts of another kind.");
        md.AppendLine();
        var sources = summary.CleanFlagRates.Select(r => r.Source).Distinct().ToList();
        md.AppendLine("| label | " + string.Join(" | ", sources) + " |");
        md.AppendLine("|---|" + string.Concat(sources.Select(_ => "---:|")));
        foreach (var label in summary.CleanFlagRates.Select(r => r.Label).Distinct())
        {
            var cells = sources.Select(source => CleanRate(summary, label, source));
            md.AppendLine($"| {label} | " + string.Join(" | ", cells) + " |");
        }

        return md.ToString();
    }

    private static string CleanRate(CrossValidationSummary summary, string label, string source) =>
        summary.CleanFlagRates.FirstOrDefault(r => r.Label == label && r.Source == source) is { } rate
            ? string.Create(CultureInfo.InvariantCulture, $"{rate.Rate:P1} ({rate.Flagged}/{rate.CleanPosts}){(rate.SourceKnowsLabel ? "" : " *")}")
            : "";

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(MeanSpread? value) => value is { } v && !double.IsNaN(v.Mean)
        ? string.Create(CultureInfo.InvariantCulture, $"{v.Mean:F3} ± {v.Spread:F3}")
        : "n/a";
}
