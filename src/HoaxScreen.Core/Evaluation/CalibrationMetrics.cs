namespace HoaxScreen.Core.Evaluation;

/// <summary>
/// How well probabilities match observed frequencies: expected calibration error over equal-width bins
/// and the Brier score. Both are NaN when there are no rows.
/// </summary>
public static class CalibrationMetrics
{
    public const int DefaultBins = 10;

    /// <summary>Above this ECE a label's scores should not be read as probabilities.</summary>
    public const double AcceptableEce = 0.05;

    /// <summary>
    /// Σ over bins of (rows in bin / all rows) × |mean probability in bin − share of positives in bin|,
    /// with <paramref name="bins"/> equal-width bins over [0, 1] (a score of exactly 1 falls in the last bin).
    /// </summary>
    public static double ExpectedCalibrationError(IReadOnlyList<(float Score, bool Truth)> rows, int bins = DefaultBins)
    {
        if (rows.Count == 0)
        {
            return double.NaN;
        }

        var error = 0.0;
        foreach (var bin in ReliabilityBins(rows, bins))
        {
            error += (double)bin.Rows / rows.Count * Math.Abs(bin.MeanScore - bin.PositiveShare);
        }

        return error;
    }

    /// <summary>Mean of (probability − truth)² with truth 1 or 0.</summary>
    /// <summary>Mean negative log-likelihood (natural log), probabilities clamped away from 0 and 1.</summary>
    public static double LogLoss(IReadOnlyList<(float Score, bool Truth)> rows)
    {
        if (rows.Count == 0)
        {
            return double.MaxValue;
        }

        var total = 0.0;
        foreach (var (score, truth) in rows)
        {
            var p = Math.Clamp((double)score, 1e-7, 1 - 1e-7);
            total -= truth ? Math.Log(p) : Math.Log(1 - p);
        }

        return total / rows.Count;
    }

    public static double BrierScore(IReadOnlyList<(float Score, bool Truth)> rows)
    {
        if (rows.Count == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var (score, truth) in rows)
        {
            var difference = score - (truth ? 1.0 : 0.0);
            sum += difference * difference;
        }

        return sum / rows.Count;
    }

    /// <summary>The non-empty equal-width bins in ascending order: what a reliability plot draws.</summary>
    public static IReadOnlyList<ReliabilityBin> ReliabilityBins(IReadOnlyList<(float Score, bool Truth)> rows, int bins = DefaultBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var counts = new int[bins];
        var positives = new int[bins];
        var scoreSums = new double[bins];
        foreach (var (score, truth) in rows)
        {
            var bin = BinOf(score, bins);
            counts[bin]++;
            scoreSums[bin] += score;
            if (truth)
            {
                positives[bin]++;
            }
        }

        var result = new List<ReliabilityBin>(bins);
        for (var b = 0; b < bins; b++)
        {
            if (counts[b] > 0)
            {
                result.Add(new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, counts[b], scoreSums[b] / counts[b], (double)positives[b] / counts[b]));
            }
        }

        return result;
    }

    private static int BinOf(float score, int bins) => Math.Clamp((int)Math.Floor((double)score * bins), 0, bins - 1);
}

/// <summary>One bin [<paramref name="Lower"/>, <paramref name="Upper"/>) of a reliability diagram.</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Rows, double MeanScore, double PositiveShare);
