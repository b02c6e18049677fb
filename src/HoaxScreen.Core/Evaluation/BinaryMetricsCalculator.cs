using HoaxScreen.Core.Modeling;

namespace HoaxScreen.Core.Evaluation;

/// <summary>Threshold choice and binary metrics from (probability, truth) pairs.</summary>
public static class BinaryMetricsCalculator
{
    /// <summary>Confusion-based metrics at <paramref name="threshold"/>, plus ROC AUC, ECE and Brier score of the probabilities.</summary>
    public static LabelMetrics Compute(IReadOnlyList<(float Score, bool Truth)> rows, double threshold)
    {
        var counts = ConfusionCounts.At(rows, threshold);
        return new LabelMetrics(
            counts.Rows,
            counts.Positives,
            Round(counts.Precision),
            Round(counts.Recall),
            Round(counts.F1),
            Optional(RocAuc(rows)),
            Round(counts.Accuracy),
            Optional(CalibrationMetrics.ExpectedCalibrationError(rows)),
            Optional(CalibrationMetrics.BrierScore(rows)));
    }

    /// <summary>ROC AUC as the Mann-Whitney statistic, with ties counted half; NaN without both classes.</summary>
    public static double RocAuc(IReadOnlyList<(float Score, bool Truth)> rows)
    {
        var sorted = rows.OrderBy(r => r.Score).ToArray();
        long positives = sorted.Count(r => r.Truth);
        long negatives = sorted.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        double rankSum = 0;
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j < sorted.Length && sorted[j].Score == sorted[i].Score)
            {
                j++;
            }

            var averageRank = (i + 1 + j) / 2.0;
            for (var k = i; k < j; k++)
            {
                if (sorted[k].Truth)
                {
                    rankSum += averageRank;
                }
            }

            i = j;
        }

        return (rankSum - positives * (positives + 1) / 2.0) / (positives * negatives);
    }

    /// <summary>
    /// The threshold that maximises F1 (or macro F1, or F0.5) on validation rows (midpoint between neighbouring scores, ties
    /// broken towards 0.5); falls back when there are too few positives to trust the choice.
    /// </summary>
    public static double ChooseThreshold(IReadOnlyList<(float Score, bool Truth)> rows, double fallback, int minimumPositives = 5,
        ThresholdObjective objective = ThresholdObjective.F1)
    {
        var positives = rows.Count(r => r.Truth);
        var negatives = rows.Count - positives;
        if (positives < minimumPositives || positives == rows.Count)
        {
            return fallback;
        }

        var sorted = rows.OrderByDescending(r => r.Score).ToArray();
        double bestF1 = -1, bestThreshold = fallback;
        var tp = 0;
        var fp = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Truth) tp++;
            else fp++;

            // Only cut between distinct scores.
            if (i + 1 < sorted.Length && sorted[i + 1].Score == sorted[i].Score)
            {
                continue;
            }

            var next = i + 1 < sorted.Length ? sorted[i + 1].Score : 0f;
            var threshold = (sorted[i].Score + next) / 2.0;
            var f1 = 2.0 * tp / (tp + fp + positives);
            if (objective == ThresholdObjective.F05)
            {
                // F-beta with beta = 0.5: (1 + b²) tp / ((1 + b²) tp + b² fn + fp).
                f1 = 1.25 * tp / (1.25 * tp + 0.25 * (positives - tp) + fp);
            }
            else if (objective == ThresholdObjective.MacroF1)
            {
                // Mean of the positive- and negative-class F1: what matters when positives are the majority.
                var tn = negatives - fp;
                var fn = positives - tp;
                f1 = (f1 + (2.0 * tn / (tn + fn + negatives))) / 2;
            }

            if (f1 > bestF1 + 1e-12 || (Math.Abs(f1 - bestF1) <= 1e-12 && Math.Abs(threshold - 0.5) < Math.Abs(bestThreshold - 0.5)))
            {
                bestF1 = f1;
                bestThreshold = threshold;
            }
        }

        return Math.Clamp(Round(bestThreshold), 0.01, 0.99);
    }

    private static double? Optional(double value) => double.IsNaN(value) ? null : Round(value);

    private static double Round(double value) => double.IsNaN(value) ? value : Math.Round(value, 4);
}
