using Microsoft.ML.Data;

namespace HoaxScreen.Core.Claims.Matching;

/// <summary>One (post, candidate) row: the pair's features and whether the candidate is the post's claim.</summary>
public sealed class DeciderRow
{
    [VectorType(PairFeatures.Count)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    /// <summary>Which training post the row belongs to (rows of one post stay in one fold).</summary>
    public int Post { get; set; }
}
