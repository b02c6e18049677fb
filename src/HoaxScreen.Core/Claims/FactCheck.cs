namespace HoaxScreen.Core.Claims;

/// <summary>
/// One published fact-check (a debunk or a confirmation) of a claim that circulated: what the known-hoax matcher
/// compares posts with, and what a moderator is shown and can cite.
/// </summary>
public sealed record FactCheck
{
    /// <summary>Unique within a store: the source's own id, or the review's URL (see the importers).</summary>
    public required string Id { get; init; }

    /// <summary>The claim as a statement or headline, e.g. "Vaksin mengandung chip pelacak".</summary>
    public required string Claim { get; init; }

    /// <summary>The verdict as the fact-checker published it (SALAH, HOAKS, MENYESATKAN, False, …), or null.</summary>
    public string? Verdict { get; init; }

    /// <summary>The verdict normalised, see <see cref="ClaimRatings.FromVerdict"/>.</summary>
    public ClaimRating Rating { get; init; } = ClaimRating.Other;

    /// <summary>The fact-check article.</summary>
    public string? Url { get; init; }

    public string? Publisher { get; init; }

    public DateOnly? Published { get; init; }

    /// <summary>BCP 47 language code of the claim; "id" (Indonesian) unless the source says otherwise.</summary>
    public string Language { get; init; } = "id";

    /// <summary>The claim as it circulated (the post or message quoted in the debunk), when the source gives it.</summary>
    public string? Text { get; init; }

    /// <summary>When the store last wrote this record: set by <see cref="ClaimStore.Upsert"/>, ignored on the way in.</summary>
    public DateTimeOffset ImportedAt { get; init; }

    /// <summary>Whether two records say the same thing (every field but <see cref="ImportedAt"/>).</summary>
    public bool SameContentAs(FactCheck other) =>
        Id == other.Id && Claim == other.Claim && Verdict == other.Verdict && Rating == other.Rating && Url == other.Url
        && Publisher == other.Publisher && Published == other.Published && Language == other.Language && Text == other.Text;
}
