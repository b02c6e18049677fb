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

    /// <param name="rows">Feedback rows where this label was judged.</param>
    /// <param name="folds">Per row, its cross-validation fold (0..<see cref="Folds"/>−1, by a hash of its text).</param>
    public static LabelAdaptation Adapt(string name, int label, IReadOnlyList<SparseRow> rows, IReadOnlyList<bool> truths, IReadOnlyList<int> folds,
        double baseThreshold, ThresholdObjective objective, AdaptationMethod method)
    {
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
            AdaptationMethod.Local => LocalL2Candidates,
            _ => L2Candidates,
        };
        var fixAlpha = method is AdaptationMethod.Warm or AdaptationMethod.Local;
        var fixBeta = method == AdaptationMethod.Local;
        double bestLoss = double.MaxValue, bestL2 = candidates[0];
        float[] bestScores = [];
        foreach (var l2 in candidates)
        {
            var outOfFold = OutOfFold(rows, truths, folds, label, l2, fixAlpha, fixBeta);
            var loss = CalibrationMetrics.LogLoss([.. outOfFold.Zip(truths)]);
            if (loss < bestLoss)
            {
                (bestLoss, bestL2, bestScores) = (loss, l2, outOfFold);
            }
        }

        // Local keeps the base's threshold, so that posts unlike the feedback keep their verdicts too.
        var chosen = method == AdaptationMethod.Local ? baseThreshold : Choose(bestScores, truths, baseThreshold, objective);
        var fit = ResidualSolver.Fit(rows, truths, label, bestL2, fixAlpha, fixBeta);
        return new(name, AdaptationMethods.Name(method), false, null, rows.Count, positives, baseThreshold, chosen,
            double.IsPositiveInfinity(bestL2) ? null : bestL2, before, Estimate(bestScores, truths, chosen))
        {
            Fit = fit,
        };
    }

    private static float[] OutOfFold(IReadOnlyList<SparseRow> rows, IReadOnlyList<bool> truths, IReadOnlyList<int> folds, int label, double l2, bool fixAlpha, bool fixBeta)
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
            var fit = ResidualSolver.Fit([.. outside.Select(i => rows[i])], [.. outside.Select(i => truths[i])], label, l2, fixAlpha, fixBeta);
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
