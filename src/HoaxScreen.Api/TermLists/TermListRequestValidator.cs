using FluentValidation;
using HoaxScreen.Core.TermLists;

namespace HoaxScreen.Api.TermLists;

/// <summary>Rules for a term list: terms present, at most 20,000, none blank or over 200 characters.</summary>
public sealed class TermListRequestValidator : AbstractValidator<TermListRequest>
{
    public TermListRequestValidator()
    {
        RuleFor(r => r.Terms)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .WithMessage("terms is required: a list of words or short phrases.")
            .Must(terms => terms!.Count <= TermListStore.MaxTerms)
            .WithMessage(r => $"terms holds {r.Terms!.Count:N0} terms; at most {TermListStore.MaxTerms:N0}.");

        RuleForEach(r => r.Terms)
            .Must(term => !string.IsNullOrWhiteSpace(term))
            .WithMessage("{PropertyName} is blank.")
            .MaximumLength(TermListStore.MaxTermLength)
            .WithMessage($"{{PropertyName}} is longer than {TermListStore.MaxTermLength} characters.");
    }
}
