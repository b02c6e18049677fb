namespace HoaxScreen.Api.Adaptation;

/// <summary>How to adapt the serving model to the stored feedback: <c>{}</c> uses the default method and a new folder name.</summary>
public sealed record AdaptRequest
{
    /// <summary>local (default: only posts like the feedback move), thresholds, platt, residual or warm (README, "Adapting to a community").</summary>
    /// <example>local</example>
    public string? Method { get; init; }

    /// <summary>
    /// Name of the new folder under <c>Model:ReloadRoot</c> the adapted bundle is written to (letters, digits, '-', '_'
    /// and '.', at most 100 characters; it must not exist yet). Default: <c>adapted-</c>, the start time and the job id.
    /// </summary>
    /// <example>community-2026-12</example>
    public string? OutFolder { get; init; }
}
