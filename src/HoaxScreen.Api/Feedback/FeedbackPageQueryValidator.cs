using FluentValidation;

namespace HoaxScreen.Api.Feedback;

/// <summary>Page from 1, page size 1 to 500.</summary>
public sealed class FeedbackPageQueryValidator : AbstractValidator<FeedbackPageQuery>
{
    public FeedbackPageQueryValidator()
    {
        RuleFor(q => q.Page)
            .GreaterThanOrEqualTo(1)
            .WithMessage("page must be 1 or more; it is {PropertyValue}.");

        RuleFor(q => q.PageSize)
            .InclusiveBetween(1, FeedbackPageQuery.MaxPageSize)
            .WithMessage($"pageSize must be from 1 to {FeedbackPageQuery.MaxPageSize}; it is {{PropertyValue}}.");
    }
}
