using HoaxScreen.Core.Data;

namespace HoaxScreen.Training.Data;

public enum SplitPart
{
    Train,
    Validation,
    Evaluation,
}

/// <summary>
/// The deterministic split every HoaxScreen tool uses: bucket = (FNV-1a-32(UTF-8 text) / 5) % 10;
/// buckets 0-1 are evaluation (20%), bucket 2 validation for thresholds (10%), the rest training.
/// Dividing by 5 first keeps it independent of the shared datasets' own held-out rule (hash % 5).
/// </summary>
public static class DataSplit
{
    public static int BucketOf(string text) => (int)(Fnv1a.Hash32(text) / 5 % 10);

    public static SplitPart PartOf(string text) => BucketOf(text) switch
    {
        0 or 1 => SplitPart.Evaluation,
        2 => SplitPart.Validation,
        _ => SplitPart.Train,
    };

    public const string Description = "bucket = (FNV-1a-32(UTF-8 text) / 5) % 10; evaluation = buckets 0-1, validation = bucket 2, train = 3-9";
}
