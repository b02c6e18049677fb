using HoaxScreen.Core.Evaluation;

namespace HoaxScreen.Bench;

/// <summary>
/// One system on one set of rows at its threshold. <see cref="F1"/> is the positive class's; <see cref="MacroF1"/> the
/// mean of the positive- and negative-class F1. Null when undefined (no positives, or no negatives, among the rows).
/// </summary>
public sealed record TaskScore(int Rows, int Positives, int Flagged, double Threshold, double? F1, double? MacroF1, double? RocAuc, double Precision, double Recall)
{
    public double? Primary(bool macro) => macro ? MacroF1 : F1;
}

/// <summary>The metric code every system goes through: HoaxScreen's own threshold choice, F1 and ROC AUC, plus macro F1.</summary>
public static class QualityMetrics
{
    /// <summary>Fallback threshold when the validation part has too few positives to choose one (HoaxScreen's default).</summary>
    public const double FallbackThreshold = 0.5;

    /// <summary>A peer's threshold: exactly the rule HoaxScreen's trainer applies to its own validation scores.</summary>
    public static double ChooseThreshold(IReadOnlyList<(float Score, bool Truth)> validation) =>
        BinaryMetricsCalculator.ChooseThreshold(validation, FallbackThreshold);

    public static TaskScore Compute(IReadOnlyList<(float Score, bool Truth)> rows, double threshold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (score, truth) in rows)
        {
            var predicted = score >= threshold;
            if (predicted && truth) tp++;
            else if (predicted) fp++;
            else if (truth) fn++;
            else tn++;
        }

        // ROC AUC, precision and recall from the calculator the trainer writes into the manifest; F1 = 2PR/(P+R) as there.
        var metrics = BinaryMetricsCalculator.Compute(rows, threshold);
        var positives = tp + fn;
        var negatives = tn + fp;
        double? f1 = positives > 0 ? F1Of(tp, fp, fn) : null;
        double? negativeF1 = negatives > 0 ? F1Of(tn, fn, fp) : null;
        double? macro = f1 is { } p && negativeF1 is { } n ? (p + n) / 2 : null;
        return new TaskScore(rows.Count, positives, tp + fp, threshold, Round(f1), Round(macro), metrics.RocAuc, metrics.Precision, metrics.Recall);
    }

    private static double F1Of(int truePositives, int falsePositives, int falseNegatives) =>
        truePositives == 0 ? 0 : 2.0 * truePositives / (2.0 * truePositives + falsePositives + falseNegatives);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
