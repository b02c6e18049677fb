using System.ComponentModel.DataAnnotations;

namespace HoaxScreen.Api.Contracts;

/// <summary>One post to screen.</summary>
public sealed record ScreenRequest
{
    /// <summary>
    /// The post exactly as published: informal Indonesian, slang, abbreviations, emoji and leetspeak are all fine.
    /// Required, not blank, at most <c>Screening:MaxTextLength</c> characters (10,000 by default).
    /// </summary>
    /// <example>Selamat pagi warga Semarang, TPS 12 buka jam 07.00 ya. Jangan lupa bawa KTP dan surat undangan.</example>
    [Required]
    public string? Text { get; init; }

    /// <summary>Optional caller identifier (at most 128 characters), echoed unchanged in the result.</summary>
    /// <example>post-0001</example>
    public string? Id { get; init; }
}
