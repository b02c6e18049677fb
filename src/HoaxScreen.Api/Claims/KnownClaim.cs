using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Claims.Matching;

namespace HoaxScreen.Api.Claims;

/// <summary>A published debunk the post may repeat: the claim as the fact-checker wrote it, its verdict, and the match.</summary>
public sealed record KnownClaim
{
    /// <summary>The fact-check's id in the store.</summary>
    public required string Id { get; init; }

    /// <summary>The claim as the fact-checker stated it (the debunk's headline).</summary>
    public required string Claim { get; init; }

    /// <summary>The verdict as published (SALAH, HOAKS, MENYESATKAN, ...).</summary>
    public string? Verdict { get; init; }

    /// <summary>The verdict normalised: false, misleading, true, unproven or other.</summary>
    public required string Rating { get; init; }

    /// <summary>Where the debunk is published, to cite it.</summary>
    public string? Url { get; init; }

    /// <summary>Who published the debunk.</summary>
    public string? Publisher { get; init; }

    /// <summary>When the debunk was published.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>The matcher's calibrated probability that the post repeats this claim.</summary>
    public required float Score { get; init; }

    /// <summary>
    /// <c>match</c> (confident) or <c>suggest</c> (a moderator should confirm); a search (<c>/v1/claims/search</c>) also
    /// lists candidates at <c>none</c> (retrieved, but not likely the same claim).
    /// </summary>
    public required string Decision { get; init; }

    public static KnownClaim From(ClaimMatch match) => new()
    {
        Id = match.Claim.Id,
        Claim = match.Claim.Claim,
        Verdict = match.Claim.Verdict,
        Rating = match.Claim.Rating.ToString().ToLowerInvariant(),
        Url = match.Claim.Url,
        Publisher = match.Claim.Publisher,
        Published = match.Claim.Published,
        Score = (float)Math.Round(match.Score, 4),
        Decision = match.Decision.ToString().ToLowerInvariant(),
    };
}
