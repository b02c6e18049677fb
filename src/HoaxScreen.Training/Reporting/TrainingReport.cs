using System.Globalization;
using System.Text;
using HoaxScreen.Core.Evaluation;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Training.Data;
using HoaxScreen.Training.Evaluation;

namespace HoaxScreen.Training.Reporting;

/// <summary>The human-readable report.md of a bundle; its figures are the SVG files in <see cref="ReportFigures.Folder"/>.</summary>
public static class TrainingReport
{
    public static string Render(ModelManifest manifest, LabelledDataset dataset, HeldOutEvaluation evaluation, FigureSet figures)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# HoaxScreen model {manifest.Version}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Created {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC in {manifest.TrainingSeconds:F1} s. Trainer: {manifest.Trainer.Algorithm}, word n-grams 1..{manifest.Trainer.WordNgramLength}, char {manifest.Trainer.CharNgramLength}-grams, seed {manifest.Trainer.Seed}.");
        md.AppendLine();
        md.AppendLine("## Held-out metrics");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Evaluation split: {manifest.Split}. Metrics at each label's threshold (chosen on the validation split).");
        md.AppendLine();
        md.AppendLine(MetricsTable.Markdown(manifest.Labels.Select(l => (l.Name, l.Threshold, l.Metrics))));
        md.AppendLine("ECE (expected calibration error) is the gap between the mean score and the share of positives in each of 10 equal-width score bins, averaged with the bins' row counts as weights: 0 means that, of the posts scored about 0.3, about 30 % are positive. Brier is the mean squared difference between score and truth (0 is perfect). ROC AUC and both calibration measures do not depend on the threshold.");
        md.AppendLine();
        if (manifest.CrossValidation is { } crossValidation)
        {
            md.AppendLine("## Cross-validation");
            md.AppendLine();
            md.AppendLine("The recipe retrained on all rows but one fold, for every fold, over the rows outside the evaluation split; steadier than the one evaluation split above. The shipped thresholds were chosen on these out-of-fold scores.");
            md.AppendLine();
            md.AppendLine(CrossValidationTable.Markdown(crossValidation));
        }

        AppendCalibration(md, manifest, figures);
        AppendPerLabel(md, figures);
        md.AppendLine("## Per source");
        md.AppendLine();
        md.AppendLine("Each source's evaluation rows alone, for the labels it carries, at the same thresholds: a label that scores well overall but poorly on one source is learning that source, not the label.");
        md.AppendLine();
        md.AppendLine(SourceMetricsTable.Markdown(manifest.Sources, evaluation.Sources));
        AppendData(md, manifest, dataset);
        return md.ToString();
    }

    private static void AppendCalibration(StringBuilder md, ModelManifest manifest, FigureSet figures)
    {
        md.AppendLine("## Calibration");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"![Reliability diagram: share of positives against mean score per bin, every label]({figures.Reliability})");
        md.AppendLine();
        var poor = manifest.Labels.Where(l => l.Metrics.Ece > CalibrationMetrics.AcceptableEce).Select(l => l.Name).ToList();
        md.AppendLine(poor.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"Every label has ECE ≤ {CalibrationMetrics.AcceptableEce:0.00} on the evaluation rows: its scores can be read as rough probabilities.")
            : string.Create(CultureInfo.InvariantCulture, $"**ECE above {CalibrationMetrics.AcceptableEce:0.00}: {string.Join(", ", poor)}.** These scores still rank posts (see ROC AUC) and the thresholds were chosen on the validation split, but such a score should not be read as the chance that a post is positive."));
        md.AppendLine();
    }

    private static void AppendPerLabel(StringBuilder md, FigureSet figures)
    {
        md.AppendLine("## Per label");
        md.AppendLine();
        md.AppendLine("Precision-recall on the evaluation split (the dot is the label's threshold) and the confusion matrix at that threshold.");
        md.AppendLine();
        foreach (var label in figures.Labels)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {label.Label}");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"![{label.Label}: precision-recall curve]({label.PrecisionRecall}) ![{label.Label}: confusion matrix]({label.Confusion})");
            md.AppendLine();
        }
    }

    private static void AppendData(StringBuilder md, ModelManifest manifest, LabelledDataset dataset)
    {
        md.AppendLine("## Data");
        md.AppendLine();
        md.AppendLine("| source | rows | labels | sha256 |");
        md.AppendLine("|---|---:|---|---|");
        foreach (var source in manifest.Sources)
        {
            var mapping = string.Join(", ", source.Labels.Select(kv => kv.Key == kv.Value ? kv.Key : $"{kv.Key} ← {kv.Value}"));
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{source.Path}` | {source.Rows:N0} | {mapping} | `{source.Sha256[..12]}…` |");
        }

        md.AppendLine();
        md.AppendLine("| label | known rows | positives | share |");
        md.AppendLine("|---|---:|---:|---:|");
        for (var l = 0; l < dataset.Labels.Count; l++)
        {
            var known = dataset.Posts.Count(p => p.Labels[l] is not null);
            var positives = dataset.Posts.Count(p => p.Labels[l] is true);
            md.AppendLine(CultureInfo.InvariantCulture, $"| {dataset.Labels[l]} | {known:N0} | {positives:N0} | {(known == 0 ? 0 : (double)positives / known):P1} |");
        }

        md.AppendLine();
        md.AppendLine("Rows whose source does not carry a label are unknown for it: they count neither as positive nor as negative.");
    }
}
