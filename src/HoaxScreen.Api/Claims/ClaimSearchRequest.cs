using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace HoaxScreen.Api.Claims;

/// <summary>A post (or a few words) to look up among the known claims.</summary>
public sealed record ClaimSearchRequest
{
    /// <summary>Candidates listed when <see cref="Top"/> is not sent.</summary>
    public const int DefaultTop = 5;

    /// <summary>Most candidates a search may ask for.</summary>
    public const int MaxTop = 20;

    /// <summary>
    /// The post as published, or a few words of the claim. Required, not blank, at most <c>Screening:MaxTextLength</c>
    /// characters (10,000 by default), as for screening.
    /// </summary>
    /// <example>vaksin campak di posyandu katanya mengandung babi dan ada chip pelacaknya, sebarkan ke grup keluarga</example>
    [Required]
    public string? Text { get; init; }

    /// <summary>The most candidates to list, best first (1 to 20, default 5).</summary>
    /// <example>5</example>
    [DefaultValue(DefaultTop)]
    [Range(1, MaxTop)]
    public int Top { get; init; } = DefaultTop;
}
