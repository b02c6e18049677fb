using FluentValidation;
using HoaxScreen.Api.Options;

namespace HoaxScreen.Api.Feedback;

/// <summary>Days from 1 to 36,500.</summary>
public sealed class FeedbackSummaryQueryValidator : AbstractValidator<FeedbackSummaryQuery>
{
    public FeedbackSummaryQueryValidator()
    {
        RuleFor(q => q.Days)
            .InclusiveBetween(1, FeedbackOptionsValidator.MaxRetentionDays)
            .WithMessage($"days must be from 1 to {FeedbackOptionsValidator.MaxRetentionDays}; it is {{PropertyValue}}.");
    }
}
