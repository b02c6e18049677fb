using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Options;

/// <summary>
/// Per-caller rate limit on <c>/v1</c> and <c>/admin</c> (configuration section <c>RateLimits</c>): a fixed window of
/// <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/>, counted per API key when keys are on, else per
/// client address. Off (0) by default.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Requests each caller may make per window; 0 turns rate limiting off.</summary>
    [Range(0, 10_000_000)]
    public int PermitLimit { get; set; }

    /// <summary>Length of the window, in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Requests over the limit that wait for the next window instead of being answered 429 at once.</summary>
    [Range(0, 10_000)]
    public int QueueLimit { get; set; }

    public bool Enabled => PermitLimit > 0;
}

/// <summary>Source-generated data-annotation validation of <see cref="RateLimitOptions"/>.</summary>
[OptionsValidator]
public sealed partial class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>;
