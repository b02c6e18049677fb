using System.Globalization;
using System.Text;
using System.Text.Json;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using Microsoft.ML;

namespace HoaxScreen.Core.Adaptation;

/// <summary>
/// Writes an adapted model as a self-contained, sealed bundle: the base's featuriser, lexicons and licence as they are,
/// the new <c>model.zip</c>, <c>adaptation.json</c>, a report, and the base's manifest with the new version, thresholds and
/// the feedback file among its sources. Written beside the target and swapped in, so a failure leaves no half bundle.
/// </summary>
public static class AdaptedBundleWriter
{
    private static readonly HashSet<string> Replaced = new(StringComparer.Ordinal)
    {
        ModelBundle.ManifestFile, ModelBundle.ModelFile, ModelBundle.ReportFile, AdaptationRecord.FileName,
    };

    public static ModelManifest Write(MLContext ml, AdaptedModel model, AdaptationFeedback feedback, AdaptationMethod method, string outputDirectory)
    {
        if (model.Vocabulary is not null || model.Gate is not null)
        {
            // The bundle's linear heads over its featuriser hold neither community slots nor a gate: it would serve another model.
            throw new InvalidOperationException("an adapted model with community n-grams or a similarity gate cannot be written as a bundle");
        }

        var target = Path.GetFullPath(outputDirectory);
        var baseDirectory = Path.GetFullPath(model.Base.Directory);
        var parent = Path.GetDirectoryName(target)!;
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Environment.ProcessId}");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        try
        {
            foreach (var file in ModelBundle.ListFiles(baseDirectory).Where(f => !Replaced.Contains(f.Path)))
            {
                var to = Path.Combine(staging, file.Path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(Path.Combine(baseDirectory, file.Path.Replace('/', Path.DirectorySeparatorChar)), to);
            }

            var modelPath = Path.Combine(staging, ModelBundle.ModelFile);
            ml.Model.Save(model.Chain, model.InputSchema, modelPath);
            var baseManifest = model.Base.Manifest;
            var record = new AdaptationRecord(baseManifest.Version, baseManifest.CreatedAt, feedback.Name, feedback.Sha256,
                feedback.Texts.Count, AdaptationMethods.Name(method), LabelAdapter.Folds, LabelAdapter.MinimumPositives, Math.Round(model.Seconds, 2), model.Labels);
            File.WriteAllText(Path.Combine(staging, AdaptationRecord.FileName), JsonSerializer.Serialize(record, JsonDefaults.Options) + "\n");

            var createdAt = DateTimeOffset.UtcNow;
            var manifest = baseManifest with
            {
                Version = $"{createdAt:yyyyMMdd-HHmmss}-{FileHash.Sha256Of(modelPath)[..8]}",
                CreatedAt = createdAt,
                Labels = [.. baseManifest.Labels.Zip(model.Labels, (label, adapted) => adapted.KeptBase ? label with
                {
                    ThresholdChosenOn = $"{label.ThresholdChosenOn} (base {baseManifest.Version}; kept by adapt: {adapted.Reason})",
                } : label with
                {
                    Threshold = adapted.Threshold,
                    Metrics = adapted.After ?? label.Metrics,
                    ThresholdChosenOn = $"adapt ({adapted.Method}) from base {baseManifest.Version}: {LabelAdapter.Folds}-fold cross-validation on {adapted.Rows} feedback posts; metrics are those out-of-fold estimates",
                })],
                Sources = [.. baseManifest.Sources, new SourceManifest(feedback.Name, feedback.Texts.Count, feedback.Sha256, "text",
                    baseManifest.Labels.Select(l => l.Name).ToDictionary(n => n, n => n))],
                TrainingSeconds = Math.Round(model.Seconds, 1),
                Files = null,
            };
            File.WriteAllText(Path.Combine(staging, ModelBundle.ReportFile), Report(manifest, record, Path.Combine(baseDirectory, ModelBundle.ReportFile)));
            manifest = ModelBundle.Seal(staging, manifest);
            BundleFolder.Replace(staging, target);
            return manifest;
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }
    }

    private static string Report(ModelManifest manifest, AdaptationRecord record, string baseReport)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(inv, $"# Adapted model {manifest.Version}");
        md.AppendLine();
        md.AppendLine(inv, $"Adapted from base {record.BaseVersion} on {record.FeedbackPosts:N0} moderator decisions ({record.Feedback}, SHA-256 {record.FeedbackSha256}), method `{record.Method}`, in {record.Seconds:F1} s. " +
            $"Estimates are {record.Folds}-fold cross-validated on the feedback: the base at its shipped threshold against the adapted head at its cross-validated threshold. " +
            $"A label with fewer than {record.MinimumPositives} positive or negative decisions keeps the base's head and threshold.");
        md.AppendLine();
        md.AppendLine("| label | judged | positives | what was done | threshold | F1 before | F1 after | AUC before | AUC after |");
        md.AppendLine("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var label in record.Labels)
        {
            md.AppendLine(inv, $"| {label.Label} | {label.Rows:N0} | {label.Positives:N0} | {(label.KeptBase ? "kept the base: " + label.Reason : label.Method + (label.L2 is { } l2 ? $" (λ {l2:G3})" : string.Empty))} | " +
                $"{label.Threshold:F3} | {Cell(label.Before?.F1)} | {Cell(label.After?.F1)} | {Cell(label.Before?.RocAuc)} | {Cell(label.After?.RocAuc)} |");
        }

        if (File.Exists(baseReport))
        {
            md.AppendLine();
            md.AppendLine(inv, $"# The base model's report ({record.BaseVersion})");
            md.AppendLine();
            md.Append(File.ReadAllText(baseReport).Replace("\n# ", "\n## ", StringComparison.Ordinal));
        }

        return md.ToString();
    }

    private static string Cell(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("F3", CultureInfo.InvariantCulture) : "—";
}
