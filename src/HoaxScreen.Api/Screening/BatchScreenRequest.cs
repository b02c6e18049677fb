using System.ComponentModel.DataAnnotations;

namespace HoaxScreen.Api.Screening;

/// <summary>Several posts to screen in one call.</summary>
public sealed record BatchScreenRequest
{
    /// <summary>The posts, 1 to <c>Screening:MaxBatchSize</c> (256 by default); each follows the single-post rules.</summary>
    [Required]
    public IReadOnlyList<ScreenRequest>? Items { get; init; }
}
