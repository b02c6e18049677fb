using HoaxScreen.Core.Data;
using HoaxScreen.Core.Evaluation;
using HoaxScreen.Training.Data;
using HoaxScreen.Training.Evaluation;
using Microsoft.ML;

namespace HoaxScreen.Training.Pipeline;

/// <summary>A fitted multi-label model with each label's decision threshold and L2 penalty.</summary>
public sealed record FittedLabels(FittedModel Model, double[] Thresholds, float?[] L2);

/// <summary>
/// The one fitting procedure shared by <c>train</c> and cross-validation: per label, the L2 penalty with the lowest
/// validation log-loss and the threshold that maximises its objective on validation, both from a model fitted on
/// <c>train</c>; then the model is refitted on <c>fit</c> (train + validation).
/// </summary>
public static class ThresholdedFit
{
    /// <param name="normalized">Normalised text of every post of <paramref name="dataset"/>.</param>
    public static FittedLabels Run(MLContext ml, TrainerSettings settings, LabelledDataset dataset, IReadOnlyList<string> normalized,
        int[] train, int[] validation, int[] fit, Action<string> progress)
    {
        var labels = dataset.Labels;
        var builder = new MultiLabelModelBuilder(ml, settings);
        var trainTexts = Select(normalized, train);
        var trainLabels = Select(dataset.Posts, train).Select(p => p.Labels).ToList();
        var validationTexts = Select(normalized, validation);
        var candidates = !TrainingPipeline.TunesL2(settings)
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
            var scores = candidateModel.Classifier.Probabilities(validationTexts);
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

        var thresholds = labels.Select((_, l) => ChooseThreshold(settings, dataset, l, validation, validationScores[l])).ToArray();
        if (candidates.Length > 1)
        {
            progress("regularisation per label: " + string.Join(", ", labels.Select((label, l) => $"{label} {chosenL2[l]:G2}")));
        }

        progress("stage 2/2: refitting on training + validation");
        var model = builder.Fit(Select(normalized, fit), Select(dataset.Posts, fit).Select(p => p.Labels).ToList(), labels, chosenL2, progress);
        return new FittedLabels(model, thresholds, chosenL2);
    }

    /// <summary>Each label's threshold on <paramref name="rows"/>, whose scores are <paramref name="scores"/> (one per row).</summary>
    public static double[] ChooseThresholds(TrainerSettings settings, LabelledDataset dataset, int[] rows, float[][] scores) =>
        [.. dataset.Labels.Select((_, l) => ChooseThreshold(settings, dataset, l, rows, scores))];

    private static double ChooseThreshold(TrainerSettings settings, LabelledDataset dataset, int label, int[] rows, float[][] scores) =>
        BinaryMetricsCalculator.ChooseThreshold(
            KnownScores.Of(dataset, rows, scores, label), settings.DefaultThreshold,
            objective: settings.ThresholdObjectives.GetValueOrDefault(dataset.Labels[label]) switch
            {
                "macroF1" => ThresholdObjective.MacroF1,
                "f0.5" => ThresholdObjective.F05,
                _ => ThresholdObjective.F1,
            });

    /// <summary>Fails with a one-line reason when a label lacks positive or negative rows among <paramref name="rows"/>.</summary>
    public static void CheckLabelsTrainable(LabelledDataset dataset, int[] rows)
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

    public static List<T> Select<T>(IReadOnlyList<T> items, int[] rows) => [.. rows.Select(i => items[i])];
}
