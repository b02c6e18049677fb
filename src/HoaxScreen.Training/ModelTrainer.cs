using System.Diagnostics;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Evaluation;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Text;
using HoaxScreen.Training.Data;
using HoaxScreen.Training.Evaluation;
using HoaxScreen.Training.Normalization;
using HoaxScreen.Training.Pipeline;
using HoaxScreen.Training.Reporting;
using Microsoft.ML;

namespace HoaxScreen.Training;

/// <summary>
/// Trains a bundle from a recipe: thresholds are chosen on the validation split by a model fitted on
/// the training split; the shipped model is refitted on training + validation and judged on the
/// evaluation split, which it never sees.
/// </summary>
/// <param name="progress">Each step, worth a line in a log.</param>
/// <param name="fitting">What a cross-validation fold's fit is doing now, for a live status line (<see cref="CrossValidator"/>).</param>
public sealed class ModelTrainer(Action<string> progress, Action<string>? fitting = null)
{
    /// <param name="folds">When 2 or more, the recipe is also cross-validated and the summary stored in the manifest and report.</param>
    public ModelManifest Train(TrainingRecipe recipe, string outputDirectory, int folds = 0)
    {
        var clock = Stopwatch.StartNew();
        var dataset = LabelledDataset.Load(recipe, progress);
        var settings = recipe.Trainer;
        var labels = dataset.Labels;
        progress($"read {dataset.Posts.Count:N0} posts from {dataset.Sources.Count} source(s); labels: {string.Join(", ", labels)}");
        var normalizer = LexiconAssembler.Assemble(recipe, dataset.Posts.Where(p => DataSplit.PartOf(p.Text) != SplitPart.Evaluation).Select(p => p.Text), progress);

        var normalized = new string[dataset.Posts.Count];
        var parts = new SplitPart[dataset.Posts.Count];
        for (var i = 0; i < normalized.Length; i++)
        {
            normalized[i] = normalizer.Normalize(dataset.Posts[i].Text);
            parts[i] = DataSplit.PartOf(dataset.Posts[i].Text);
        }

        var train = Indices(parts, p => p == SplitPart.Train);
        var validation = Indices(parts, p => p == SplitPart.Validation);
        var fitRows = Indices(parts, p => p != SplitPart.Evaluation);
        var evaluation = Indices(parts, p => p == SplitPart.Evaluation);
        ThresholdedFit.CheckLabelsTrainable(dataset, fitRows);
        progress($"split: {train.Length:N0} train, {validation.Length:N0} validation, {evaluation.Length:N0} evaluation ({DataSplit.Description})");

        // With folds, the recipe is cross-validated over the rows outside the evaluation split, and each label's
        // threshold is chosen on all those rows' out-of-fold scores instead of on the validation split alone: five
        // times the rows, so a threshold no longer swings with one small slice (the evaluation split stays unseen).
        var crossValidation = folds >= 2 ? new CrossValidator(progress, fitting).Run(recipe, dataset, folds, fitRows, outsideEvaluationSplit: true) : null;
        var ml = new MLContext(seed: settings.Seed);
        var fitted = ThresholdedFit.Run(ml, settings, dataset, normalized, train, validation, fitRows, progress);
        var (model, chosenL2) = (fitted.Model, fitted.L2);
        var thresholds = fitted.Thresholds;
        if (crossValidation is not null)
        {
            var outOfFold = Select(crossValidation.OutOfFold, fitRows).Select(s => s!).ToArray();
            thresholds = ThresholdedFit.ChooseThresholds(settings, dataset, fitRows, outOfFold);
            progress("thresholds from out-of-fold scores: " + string.Join(", ", labels.Select((label, l) =>
            {
                var m = BinaryMetricsCalculator.Compute(KnownScores.Of(dataset, fitRows, outOfFold, l), thresholds[l]);
                return $"{label} {thresholds[l]:F3} (out of fold: precision {m.Precision:F3}, recall {m.Recall:F3}, F1 {m.F1:F3})";
            })));
        }

        var evaluationScores = model.Classifier.Probabilities(Select(normalized, evaluation));
        var heldOut = HeldOutEvaluation.Of(dataset, evaluation, evaluationScores, thresholds);

        var labelManifests = labels.Select((name, l) => new LabelManifest(
            name,
            thresholds[l],
            fitRows.Count(i => dataset.Posts[i].Labels[l] is not null),
            fitRows.Count(i => dataset.Posts[i].Labels[l] is true),
            heldOut.Labels[l].Metrics)
        {
            L2Regularization = chosenL2[l],
            ThresholdChosenOn = crossValidation is null ? "validation split" : $"out-of-fold scores of {folds}-fold cross-validation",
        }).ToList();

        var manifest = WriteBundle(ml, model, recipe, dataset, normalizer, labelManifests, heldOut, crossValidation?.Summary, outputDirectory, clock);
        progress($"wrote {Path.GetFullPath(outputDirectory)} in {clock.Elapsed.TotalSeconds:F1} s");
        return manifest;
    }

    private ModelManifest WriteBundle(MLContext ml, FittedModel model, TrainingRecipe recipe, LabelledDataset dataset,
        TextNormalizer normalizer, IReadOnlyList<LabelManifest> labels, HeldOutEvaluation heldOut, CrossValidationSummary? crossValidation,
        string outputDirectory, Stopwatch clock)
    {
        // Write beside the target, then swap in, so a failed run never leaves a half-written bundle.
        var target = Path.GetFullPath(outputDirectory);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Environment.ProcessId}");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        try
        {
            var modelPath = Path.Combine(staging, ModelBundle.ModelFile);
            model.Save(ml, staging);
            var createdAt = DateTimeOffset.UtcNow;
            var manifest = new ModelManifest
            {
                Version = $"{createdAt:yyyyMMdd-HHmmss}-{FileHash.Sha256Of(modelPath)[..8]}",
                CreatedAt = createdAt,
                Labels = labels,
                Sources = [.. dataset.Sources.Select(s => new SourceManifest(
                    Path.GetRelativePath(recipe.BaseDirectory, s.Path).Replace('\\', '/'), s.Rows, s.Sha256, s.TextColumn, s.Labels) { Defaults = s.Defaults })],
                Trainer = recipe.Trainer,
                Normalizer = normalizer.Settings,
                Split = DataSplit.Description,
                TrainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
                CrossValidation = crossValidation,
                License = recipe.License,
                Card = recipe.Card,
            };
            if (recipe.LicenseFile is { } licenseFile)
            {
                File.Copy(recipe.Resolve(licenseFile), Path.Combine(staging, ModelBundle.LicenseFile));
            }

            normalizer.Lexicon.SaveFolder(staging);

            var figures = ReportFigures.Write(staging, heldOut);
            File.WriteAllText(Path.Combine(staging, ModelBundle.ReportFile), TrainingReport.Render(manifest, dataset, heldOut, figures));

            // Last: the manifest with the size and SHA-256 of every file above (report and figures included).
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

    private static int[] Indices(SplitPart[] parts, Func<SplitPart, bool> keep) =>
        [.. Enumerable.Range(0, parts.Length).Where(i => keep(parts[i]))];

    private static List<T> Select<T>(IReadOnlyList<T> items, int[] rows) => ThresholdedFit.Select(items, rows);
}
