using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Evaluation;

namespace HoaxScreen.Core.Adaptation;

/// <summary>
/// Adapts one label to feedback rows: chooses λ (for the residual and warm methods) by cross-validated log-loss and the
/// threshold on the out-of-fold scores, never on scores of rows a model was fitted on; then fits on every row. A label
/// with too few positives or negatives keeps the base exactly.
/// </summary>
public static class LabelAdapter
{
    /// <summary>Fewer positives (or negatives) than this in the feedback: the label keeps the base (issue 26).</summary>
    public const int MinimumPositives = 20;

    public const int Folds = 5;

    /// <summary>L2 candidates for the correction v; ∞ leaves v out (re-calibration only).</summary>
    public static readonly double[] L2Candidates = [1, 3, 10, 30, double.PositiveInfinity];

    /// <summary>L2 candidates for <see cref="AdaptationMethod.Local"/>: v alone has to move scores across the base's threshold.</summary>
    public static readonly double[] LocalL2Candidates = [0.1, 0.3, 1, 3, 10, 30];

    /// <summary>L2 candidates when λ is chosen by cross-validated F1 (<see cref="LocalTuning.ChooseL2ByF1"/>).</summary>
    public static readonly double[] WideL2Candidates = [0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 300];

    /// <param name="rows">Feedback rows where this label was judged.</param>
    /// <param name="folds">Per row, its cross-validation fold (0..<see cref="Folds"/>−1, by a hash of its text).</param>
    public static LabelAdaptation Adapt(string name, int label, IReadOnlyList<SparseRow> rows, IReadOnlyList<bool> truths, IReadOnlyList<int> folds,
        double baseThreshold, ThresholdObjective objective, AdaptationMethod method, LocalTuning? tuning = null, Func<int, double>? slotPenalty = null)
    {
        // Tuning applies to Local only; the other methods are as they were measured.
        tuning = method == AdaptationMethod.Local ? tuning ?? LocalTuning.None : LocalTuning.None;
        var positives = truths.Count(t => t);
        var negatives = truths.Count - positives;
        var baseScores = rows.Select(r => (float)ResidualFit.Sigmoid(r.BaseLogits[label])).ToArray();
        var before = positives > 0 ? Estimate(baseScores, truths, baseThreshold) : null;
        LabelAdaptation Kept(string reason) =>
            new(name, "base", KeptBase: true, reason, rows.Count, positives, baseThreshold, baseThreshold, null, before, before);

        if (positives < MinimumPositives || negatives < MinimumPositives)
        {
            return Kept($"{positives} positive and {negatives} negative judgements; at least {MinimumPositives} of each are needed");
        }

        if (method == AdaptationMethod.Thresholds)
        {
            // The base never saw these rows, so its scores on them are already out of sample.
            var threshold = Choose(baseScores, truths, baseThreshold, objective);
            return new(name, AdaptationMethods.Name(method), false, null, rows.Count, positives, baseThreshold, threshold, null, before,
                Estimate(baseScores, truths, threshold));
        }

        var candidates = method switch
        {
            AdaptationMethod.Platt => [double.PositiveInfinity],
            AdaptationMethod.Local => tuning.ChooseL2ByF1 ? WideL2Candidates : LocalL2Candidates,
            _ => L2Candidates,
        };
        var fixAlpha = method is AdaptationMethod.Warm or AdaptationMethod.Local;
        var fixBeta = method == AdaptationMethod.Local;
        var penalty = tuning.IdfPenalty ? slotPenalty : null;
        var positiveWeight = tuning.BalanceClasses ? (double)negatives / positives : 1;
        double bestLoss = double.MaxValue, bestL2 = candidates[0];
        float[] bestScores = [];
        foreach (var l2 in candidates)
        {
            var outOfFold = OutOfFold(rows, truths, folds, label, l2, fixAlpha, fixBeta, penalty, positiveWeight);
            // Lower is better for both; ties go to the larger λ (the smaller change), as candidates ascend.
            var loss = tuning.ChooseL2ByF1
                ? -Estimate(outOfFold, truths, baseThreshold).F1
                : CalibrationMetrics.LogLoss([.. outOfFold.Zip(truths)]);
            if (tuning.ChooseL2ByF1 ? loss <= bestLoss : loss < bestLoss)
            {
                (bestLoss, bestL2, bestScores) = (loss, l2, outOfFold);
            }
        }

        // Local keeps the base's threshold, so that posts unlike the feedback keep their verdicts too.
        var chosen = method != AdaptationMethod.Local ? Choose(bestScores, truths, baseThreshold, objective)
            : tuning.RethresholdWhenClear && ThresholdGainIsClear(bestScores, truths, folds, baseThreshold, objective) ? Choose(bestScores, truths, baseThreshold, objective)
            : baseThreshold;
        var fit = ResidualSolver.Fit(rows, truths, label, bestL2, fixAlpha, fixBeta, penalty, positiveWeight);
        return new(name, AdaptationMethods.Name(method), false, null, rows.Count, positives, baseThreshold, chosen,
            double.IsPositiveInfinity(bestL2) ? null : bestL2, before, Estimate(bestScores, truths, chosen))
        {
            Fit = fit,
        };
    }

    /// <summary>
    /// Whether re-choosing the threshold pays on rows it was not chosen on: per fold, a threshold chosen on the other
    /// folds' out-of-fold scores against the base's, by F1 on the fold; clear when the mean gain exceeds its standard deviation.
    /// </summary>
    public static bool ThresholdGainIsClear(float[] scores, IReadOnlyList<bool> truths, IReadOnlyList<int> folds, double baseThreshold, ThresholdObjective objective)
    {
        var gains = new List<double>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var inFold = Enumerable.Range(0, scores.Length).Where(i => folds[i] == fold).ToArray();
            if (!inFold.Any(i => truths[i]))
            {
                continue;
            }

            var outside = Enumerable.Range(0, scores.Length).Where(i => folds[i] != fold).ToArray();
            var threshold = Choose([.. outside.Select(i => scores[i])], [.. outside.Select(i => truths[i])], baseThreshold, objective);
            float[] foldScores = [.. inFold.Select(i => scores[i])];
            bool[] foldTruths = [.. inFold.Select(i => truths[i])];
            gains.Add(Estimate(foldScores, foldTruths, threshold).F1 - Estimate(foldScores, foldTruths, baseThreshold).F1);
        }

        if (gains.Count < 2)
        {
            return false;
        }

        var mean = gains.Average();
        var spread = Math.Sqrt(gains.Sum(g => (g - mean) * (g - mean)) / (gains.Count - 1));
        return mean > spread;
    }

    private static float[] OutOfFold(IReadOnlyList<SparseRow> rows, IReadOnlyList<bool> truths, IReadOnlyList<int> folds, int label, double l2, bool fixAlpha, bool fixBeta,
        Func<int, double>? slotPenalty, double positiveWeight)
    {
        var scores = new float[rows.Count];
        for (var fold = 0; fold < Folds; fold++)
        {
            var inFold = Enumerable.Range(0, rows.Count).Where(i => folds[i] == fold).ToArray();
            if (inFold.Length == 0)
            {
                continue;
            }

            var outside = Enumerable.Range(0, rows.Count).Where(i => folds[i] != fold).ToArray();
            var fit = ResidualSolver.Fit([.. outside.Select(i => rows[i])], [.. outside.Select(i => truths[i])], label, l2, fixAlpha, fixBeta, slotPenalty, positiveWeight);
            foreach (var i in inFold)
            {
                scores[i] = (float)fit.Probability(rows[i], label);
            }
        }

        return scores;
    }

    private static double Choose(float[] scores, IReadOnlyList<bool> truths, double fallback, ThresholdObjective objective) =>
        BinaryMetricsCalculator.ChooseThreshold([.. scores.Zip(truths)], fallback, objective: objective);

    private static LabelMetrics Estimate(float[] scores, IReadOnlyList<bool> truths, double threshold) =>
        BinaryMetricsCalculator.Compute([.. scores.Zip(truths)], threshold);
}
