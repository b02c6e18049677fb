using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Options;

/// <summary>Request limits (configuration section <c>Screening</c>).</summary>
public sealed class ScreeningOptions
{
    public const string SectionName = "Screening";

    /// <summary>Longest accepted post, in UTF-16 characters.</summary>
    [Range(1, 1_000_000)]
    public int MaxTextLength { get; set; } = 10_000;

    /// <summary>Most posts accepted in one batch request.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>Longest accepted caller id, in characters.</summary>
    [Range(1, 1_024)]
    public int MaxIdLength { get; set; } = 128;
}

/// <summary>Source-generated data-annotation validation of <see cref="ScreeningOptions"/>.</summary>
[OptionsValidator]
public sealed partial class ScreeningOptionsValidator : IValidateOptions<ScreeningOptions>;
