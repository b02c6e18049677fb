using HoaxScreen.Core.Modeling;

namespace HoaxScreen.Core.Adaptation;

/// <summary>
/// What <c>adapt</c> did with one label: the method, or why it kept the base's head and threshold; the feedback it had;
/// and the base's estimate on the feedback at its shipped threshold against the adapted head's cross-validated one.
/// </summary>
public sealed record LabelAdaptation(
    string Label,
    string Method,
    bool KeptBase,
    string? Reason,
    int Rows,
    int Positives,
    double BaseThreshold,
    double Threshold,
    double? L2,
    LabelMetrics? Before,
    LabelMetrics? After)
{
    /// <summary>The fitted correction (identity when the base was kept, or for threshold re-choice alone).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ResidualFit Fit { get; init; } = ResidualFit.Identity;
}
