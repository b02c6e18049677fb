namespace HoaxScreen.Core.Evaluation;

/// <summary>The 2×2 confusion matrix of one label at a threshold (a score at or above it flags).</summary>
public readonly record struct ConfusionCounts(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public int Positives => TruePositives + FalseNegatives;

    public int Negatives => FalsePositives + TrueNegatives;

    public int Rows => Positives + Negatives;

    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => Positives == 0 ? 0 : (double)TruePositives / Positives;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double Accuracy => Rows == 0 ? 0 : (double)(TruePositives + TrueNegatives) / Rows;

    public static ConfusionCounts At(IReadOnlyList<(float Score, bool Truth)> rows, double threshold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (score, truth) in rows)
        {
            var flagged = score >= threshold;
            if (flagged && truth) tp++;
            else if (flagged) fp++;
            else if (truth) fn++;
            else tn++;
        }

        return new ConfusionCounts(tp, fp, fn, tn);
    }
}
