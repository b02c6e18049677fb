using HoaxScreen.Core.Claims;

namespace HoaxScreen.Api.Claims;

/// <summary>One fact-check in the store, as imported.</summary>
public sealed record FactCheckRecord
{
    /// <summary>The fact-check's id in the store (the source's id, or the review's URL).</summary>
    public required string Id { get; init; }

    /// <summary>The claim as the fact-checker stated it (the debunk's headline).</summary>
    public required string Claim { get; init; }

    /// <summary>The verdict as published (SALAH, HOAKS, MENYESATKAN, ...).</summary>
    public string? Verdict { get; init; }

    /// <summary>The verdict normalised: false, misleading, true, unproven or other.</summary>
    public required string Rating { get; init; }

    /// <summary>Where the fact-check is published.</summary>
    public string? Url { get; init; }

    /// <summary>Who published the fact-check.</summary>
    public string? Publisher { get; init; }

    /// <summary>When the fact-check was published.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>BCP 47 language code of the claim ("id" for Indonesian).</summary>
    public required string Language { get; init; }

    /// <summary>The claim as it circulated (the post or message quoted in the fact-check), when the source gave it.</summary>
    public string? Text { get; init; }

    /// <summary>When the store last wrote this record (UTC).</summary>
    public required DateTimeOffset ImportedAt { get; init; }

    public static FactCheckRecord From(FactCheck claim) => new()
    {
        Id = claim.Id,
        Claim = claim.Claim,
        Verdict = claim.Verdict,
        Rating = ClaimRatings.Name(claim.Rating),
        Url = claim.Url,
        Publisher = claim.Publisher,
        Published = claim.Published,
        Language = claim.Language,
        Text = claim.Text,
        ImportedAt = claim.ImportedAt,
    };
}
