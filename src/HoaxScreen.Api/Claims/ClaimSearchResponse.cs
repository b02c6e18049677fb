namespace HoaxScreen.Api.Claims;

/// <summary>The known claims a text may repeat.</summary>
public sealed record ClaimSearchResponse
{
    /// <summary>
    /// Every candidate the matcher retrieved, most probable first, at most <c>top</c>: each with its probability
    /// <c>score</c> and <c>decision</c> (<c>match</c>, <c>suggest</c> or <c>none</c>). Empty when no claim shares a word
    /// with the text.
    /// </summary>
    public required IReadOnlyList<KnownClaim> Matches { get; init; }
}
