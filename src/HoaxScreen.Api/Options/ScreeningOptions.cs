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

    /// <summary>
    /// Longest text scored after normalisation, which spells out slang and repeated words ("mpr2" becomes 62
    /// characters): scoring costs what the normalised text costs. A post over it is answered 422. An ordinary post
    /// grows by a few percent; only text built to expand comes near this.
    /// </summary>
    [Range(100, 10_000_000)]
    public int MaxNormalizedLength { get; set; } = 30_000;

    /// <summary>Most characters the texts of one batch may add up to (a batch over it is answered 400).</summary>
    [Range(1, 100_000_000)]
    public int MaxBatchTextLength { get; set; } = 50_000;

    /// <summary>
    /// Characters one request's explanations may re-score in all (each occluded word costs one pass over the
    /// normalised text), shared evenly by the items of a batch that ask for <c>explain</c>. A post with more distinct
    /// words than fit is explained over its strongest words (each scored alone first, 100 characters each). About
    /// 30 ms of CPU on one core.
    /// </summary>
    [Range(1_000, 1_000_000_000)]
    public long ExplainBudgetCharacters { get; set; } = 300_000;

    /// <summary>Most items of one batch that may ask for <c>explain</c> (a batch over it is answered 400).</summary>
    [Range(0, 10_000)]
    public int MaxExplainedItems { get; set; } = 16;

    /// <summary>Longest accepted caller id, in characters.</summary>
    [Range(1, 1_024)]
    public int MaxIdLength { get; set; } = 128;
}

/// <summary>Source-generated data-annotation validation of <see cref="ScreeningOptions"/>.</summary>
[OptionsValidator]
public sealed partial class ScreeningOptionsValidator : IValidateOptions<ScreeningOptions>;
