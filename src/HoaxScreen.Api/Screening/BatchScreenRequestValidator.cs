using FluentValidation;
using HoaxScreen.Api.Options;
using HoaxScreen.Api.Validation;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Screening;

/// <summary>Rules for a batch: 1..MaxBatchSize items, each a valid post (errors keyed <c>items[i].field</c>).</summary>
public sealed class BatchScreenRequestValidator : AbstractValidator<BatchScreenRequest>
{
    public BatchScreenRequestValidator(IOptions<ScreeningOptions> options, IValidator<ScreenRequest> itemValidator)
    {
        var maxBatchSize = options.Value.MaxBatchSize;

        RuleFor(r => r.Items)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("items is required.")
            .MinimumCount(1).WithMessage("items must contain at least one post.")
            .MaximumCount(maxBatchSize)
            .WithMessage(r => $"items must contain at most {maxBatchSize} posts; it has {r.Items!.Count}.");

        bool HasAcceptableSize(BatchScreenRequest r) => r.Items is { Count: > 0 } items && items.Count <= maxBatchSize;

        var maxBatchText = options.Value.MaxBatchTextLength;
        RuleFor(r => r.Items)
            .Must(items => TotalLength(items!) <= maxBatchText)
            .WithMessage(r =>
                $"the posts of one batch may add up to at most {maxBatchText} characters (Screening:MaxBatchTextLength); " +
                $"these add up to {TotalLength(r.Items!)}: split the batch.")
            .When(HasAcceptableSize);

        var maxExplained = options.Value.MaxExplainedItems;
        RuleFor(r => r.Items)
            .Must(items => items!.Count(i => i?.Explain == true) <= maxExplained)
            .WithMessage(r =>
                $"at most {maxExplained} items of a batch may ask for explain (Screening:MaxExplainedItems); " +
                $"{r.Items!.Count(i => i?.Explain == true)} do: ask only for the posts you will read.")
            .When(HasAcceptableSize);

        // Item rules only run on a batch of acceptable size, so an oversized batch gets one clear error.
        RuleForEach(r => r.Items!)
            .NotNull().WithMessage("each item must be an object with a text.")
            .SetValidator(itemValidator)
            .When(HasAcceptableSize);
    }

    private static long TotalLength(IReadOnlyList<ScreenRequest> items) => items.Sum(item => (long)(item?.Text?.Length ?? 0));
}
