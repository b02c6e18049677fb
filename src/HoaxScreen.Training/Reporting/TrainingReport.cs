using System.Globalization;
using System.Text;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;

namespace HoaxScreen.Training.Reporting;

/// <summary>The human-readable report.md of a bundle.</summary>
public static class TrainingReport
{
    public static string Render(ModelManifest manifest, LabelledDataset dataset)
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
        return md.ToString();
    }
}
