using System.ComponentModel.DataAnnotations;

namespace HoaxScreen.Api.TermLists;

/// <summary>A whole term list, replacing the stored one of the same name.</summary>
public sealed record TermListRequest
{
    /// <summary>
    /// The terms: words or short phrases (at most 20,000 terms of at most 200 characters). They are matched through the
    /// normaliser, so list each term once in its plain spelling: disguised spellings in posts (k a f i r, c3b0ng, full-width
    /// letters) match it.
    /// </summary>
    /// <example>["kafir", "cebong", "kadrun"]</example>
    [Required]
    public IReadOnlyList<string>? Terms { get; init; }

    /// <summary>When true, a post that holds any of the terms is flagged; when false, matches are only reported.</summary>
    /// <example>true</example>
    public bool Flag { get; init; }
}
