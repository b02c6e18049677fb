namespace HoaxScreen.Training.Evaluation;

/// <summary>Precision and recall at every distinct score used as a threshold, from the highest score down.</summary>
public static class PrecisionRecallCurve
{
    /// <summary>One point per distinct score (recall rising); empty when the rows hold no positive.</summary>
    public static IReadOnlyList<PrecisionRecallPoint> Compute(IReadOnlyList<(float Score, bool Truth)> rows)
    {
        var positives = rows.Count(r => r.Truth);
        if (positives == 0)
        {
            return [];
        }

        var sorted = rows.OrderByDescending(r => r.Score).ToArray();
        var points = new List<PrecisionRecallPoint>();
        int tp = 0, fp = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Truth) tp++;
            else fp++;

            if (i + 1 < sorted.Length && sorted[i + 1].Score == sorted[i].Score)
            {
                continue;
            }

            points.Add(new PrecisionRecallPoint(sorted[i].Score, (double)tp / positives, (double)tp / (tp + fp)));
        }

        return points;
    }

    /// <summary>Average precision: Σ (recallₖ − recallₖ₋₁) × precisionₖ over the curve; NaN without positives.</summary>
    public static double AveragePrecision(IReadOnlyList<PrecisionRecallPoint> curve)
    {
        if (curve.Count == 0)
        {
            return double.NaN;
        }

        double sum = 0, previousRecall = 0;
        foreach (var point in curve)
        {
            sum += (point.Recall - previousRecall) * point.Precision;
            previousRecall = point.Recall;
        }

        return sum;
    }
}

/// <summary>Flagging every row scored at or above <paramref name="Threshold"/> gives this recall and precision.</summary>
public sealed record PrecisionRecallPoint(double Threshold, double Recall, double Precision);
