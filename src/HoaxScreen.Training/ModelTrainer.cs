using System.Diagnostics;
using System.Security.Cryptography;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Core.Text;
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
public sealed class ModelTrainer(Action<string> progress)
{
    public ModelManifest Train(TrainingRecipe recipe, string outputDirectory)
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
        CheckLabelsTrainable(dataset, fitRows);
        progress($"split: {train.Length:N0} train, {validation.Length:N0} validation, {evaluation.Length:N0} evaluation ({DataSplit.Description})");

        var ml = new MLContext(seed: settings.Seed);
        var builder = new MultiLabelModelBuilder(ml, settings);

        var trainTexts = Select(normalized, train);
        var trainLabels = Select(dataset.Posts, train).Select(p => p.Labels).ToList();
        var validationTexts = Select(normalized, validation);
        var candidates = settings.L2Regularization is { } fixedL2 || settings.Algorithm != "sdca"
            ? [settings.L2Regularization]
            : settings.L2Candidates.Select(c => (float?)c).ToArray();
        var validationScores = new float[labels.Count][][];
        var chosenL2 = new float?[labels.Count];
        var bestLoss = Enumerable.Repeat(double.MaxValue, labels.Count).ToArray();
        foreach (var candidate in candidates)
        {
            progress(candidates.Length == 1
                ? "stage 1/2: fitting on the training split to choose thresholds"
                : $"stage 1/2: fitting on the training split with L2 {candidate:G2} to choose regularisation and thresholds");
            var candidateModel = builder.Fit(trainTexts, trainLabels, labels, Enumerable.Repeat(candidate, labels.Count).ToArray(), progress);
            var scores = BatchScorer.Probabilities(ml, candidateModel, validationTexts, labels.Count);
            for (var l = 0; l < labels.Count; l++)
            {
                var loss = CalibrationMetrics.LogLoss(KnownScores.Of(dataset, validation, scores, l));
                if (loss < bestLoss[l])
                {
                    bestLoss[l] = loss;
                    chosenL2[l] = candidate;
                    validationScores[l] = scores;
                }
            }
        }

        var thresholds = labels.Select((label, l) => BinaryMetricsCalculator.ChooseThreshold(
            KnownScores.Of(dataset, validation, validationScores[l], l), settings.DefaultThreshold,
            objective: settings.ThresholdObjectives.TryGetValue(label, out var objective) && objective == "macroF1"
                ? ThresholdObjective.MacroF1
                : ThresholdObjective.F1)).ToArray();
        if (candidates.Length > 1)
        {
            progress("regularisation per label: " + string.Join(", ", labels.Select((label, l) => $"{label} {chosenL2[l]:G2}")));
        }

        progress("stage 2/2: refitting on training + validation");
        var fitTexts = Select(normalized, fitRows);
        var model = builder.Fit(fitTexts, Select(dataset.Posts, fitRows).Select(p => p.Labels).ToList(), labels, chosenL2, progress);
        var featureWeights = FeatureWeightsExtractor.Compute(ml, settings, fitTexts, model);
        var evaluationScores = BatchScorer.Probabilities(ml, model, Select(normalized, evaluation), labels.Count);
        var heldOut = HeldOutEvaluation.Of(dataset, evaluation, evaluationScores, thresholds);

        var labelManifests = labels.Select((name, l) => new LabelManifest(
            name,
            thresholds[l],
            fitRows.Count(i => dataset.Posts[i].Labels[l] is not null),
            fitRows.Count(i => dataset.Posts[i].Labels[l] is true),
            heldOut.Labels[l].Metrics) { L2Regularization = chosenL2[l] }).ToList();

        var manifest = WriteBundle(ml, model, featureWeights, recipe, dataset, normalizer, labelManifests, heldOut, outputDirectory, clock);
        progress($"wrote {Path.GetFullPath(outputDirectory)} in {clock.Elapsed.TotalSeconds:F1} s");
        return manifest;
    }

    private ModelManifest WriteBundle(MLContext ml, ITransformer model, FeatureWeights? featureWeights, TrainingRecipe recipe, LabelledDataset dataset,
        TextNormalizer normalizer, IReadOnlyList<LabelManifest> labels, HeldOutEvaluation heldOut, string outputDirectory, Stopwatch clock)
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
            ml.Model.Save(model, ml.Data.LoadFromEnumerable(Array.Empty<PostInput>()).Schema, modelPath);
            var createdAt = DateTimeOffset.UtcNow;
            var manifest = new ModelManifest
            {
                Version = $"{createdAt:yyyyMMdd-HHmmss}-{Hash8(modelPath)}",
                CreatedAt = createdAt,
                Labels = labels,
                Sources = [.. dataset.Sources.Select(s => new SourceManifest(
                    Path.GetRelativePath(recipe.BaseDirectory, s.Path).Replace('\\', '/'), s.Rows, s.Sha256, s.TextColumn, s.Labels))],
                Trainer = recipe.Trainer,
                Normalizer = normalizer.Settings,
                Split = DataSplit.Description,
                TrainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            };
            normalizer.Lexicon.SaveFolder(staging);
            if (featureWeights is not null)
            {
                FeatureWeightsFile.Write(staging, featureWeights);
            }

            ModelBundle.WriteManifest(staging, manifest);
            var figures = ReportFigures.Write(staging, heldOut);
            File.WriteAllText(Path.Combine(staging, ModelBundle.ReportFile), TrainingReport.Render(manifest, dataset, heldOut, figures));

            var backup = target + $".old-{Environment.ProcessId}";
            if (Directory.Exists(target))
            {
                Directory.Move(target, backup);
            }

            try
            {
                Directory.Move(staging, target);
            }
            catch when (Directory.Exists(backup) && !Directory.Exists(target))
            {
                // Put the previous bundle back: a bundle is replaced only when the new one is fully in place.
                Directory.Move(backup, target);
                throw;
            }

            if (Directory.Exists(backup))
            {
                Directory.Delete(backup, recursive: true);
            }

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

    private static void CheckLabelsTrainable(LabelledDataset dataset, int[] rows)
    {
        for (var l = 0; l < dataset.Labels.Count; l++)
        {
            var positives = rows.Count(i => dataset.Posts[i].Labels[l] is true);
            var negatives = rows.Count(i => dataset.Posts[i].Labels[l] is false);
            if (positives == 0 || negatives == 0)
            {
                throw new DataFormatException(
                    $"label '{dataset.Labels[l]}' has {positives} positive and {negatives} negative training rows; it needs both");
            }
        }
    }

    private static int[] Indices(SplitPart[] parts, Func<SplitPart, bool> keep) =>
        [.. Enumerable.Range(0, parts.Length).Where(i => keep(parts[i]))];

    private static List<T> Select<T>(IReadOnlyList<T> items, int[] rows) => [.. rows.Select(i => items[i])];

    private static string Hash8(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..8];
    }
}
