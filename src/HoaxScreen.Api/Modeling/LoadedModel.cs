using HoaxScreen.Core.Scoring;

namespace HoaxScreen.Api.Modeling;

/// <summary>
/// The served model and when it was loaded. Immutable: a reload builds a new instance and swaps it in whole, so a
/// request never scores with one model and reports another's version or thresholds.
/// </summary>
public sealed record LoadedModel(ScoringModel Model, DateTimeOffset LoadedAt)
{
    public string Version => Model.Version;
}
