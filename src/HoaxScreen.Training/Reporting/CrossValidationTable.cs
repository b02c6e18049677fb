using System.Globalization;
using System.Text;
using HoaxScreen.Core.Modeling;

namespace HoaxScreen.Training.Reporting;

/// <summary>A cross-validation summary as Markdown: per label and per source, mean ± spread; clean-post flag rates.</summary>
public static class CrossValidationTable
{
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
            var cells = sources.Select(source => summary.CleanFlagRates.FirstOrDefault(r => r.Label == label && r.Source == source) is { } rate
                ? string.Create(CultureInfo.InvariantCulture, $"{rate.Rate:P1} ({rate.Flagged}/{rate.CleanPosts}){(rate.SourceKnowsLabel ? "" : " *")}")
                : "");
            md.AppendLine($"| {label} | " + string.Join(" | ", cells) + " |");
        }

        return md.ToString();
    }

    public static string Format(MeanSpread? value) => value is { } v && !double.IsNaN(v.Mean)
        ? string.Create(CultureInfo.InvariantCulture, $"{v.Mean:F3} ± {v.Spread:F3}")
        : "n/a";
}
