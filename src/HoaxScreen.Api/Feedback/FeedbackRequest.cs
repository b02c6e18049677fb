using System.ComponentModel.DataAnnotations;

namespace HoaxScreen.Api.Feedback;

/// <summary>A moderator's decision on one post.</summary>
public sealed record FeedbackRequest
{
    /// <summary>Optional id of the post in the caller's own system (at most <c>Screening:MaxIdLength</c> characters), stored as given.</summary>
    /// <example>wa-forward-0001</example>
    public string? Id { get; init; }

    /// <summary>The post exactly as published (the rules of <c>/v1/screen</c>: required, not blank, at most <c>Screening:MaxTextLength</c> characters).</summary>
    /// <example>INFO PENTING!!! Kata orang dalam KPU, mulai besok KTP lama tidak berlaku untuk mencoblos, wajib cetak ulang di kelurahan.</example>
    [Required]
    public string? Text { get; init; }

    /// <summary>
    /// The labels the moderator judged, each true (the post is one) or false (it is not): any subset of the serving
    /// model's labels. A label left out was not judged and counts for nothing, never as false.
    /// </summary>
    public IReadOnlyDictionary<string, bool>? Labels { get; init; }

    /// <summary>Optional id of a known claim (fact-check) the post was matched with, e.g. from <c>knownClaims</c> of <c>/v1/screen</c>.</summary>
    /// <example>tc-0001</example>
    public string? ClaimId { get; init; }

    /// <summary>With <see cref="ClaimId"/>: true when the post does repeat that claim, false when the match was wrong.</summary>
    public bool? ClaimCorrect { get; init; }

    /// <summary>Optional note for the team (at most 2,000 characters); stored, never logged.</summary>
    public string? Note { get; init; }
}
