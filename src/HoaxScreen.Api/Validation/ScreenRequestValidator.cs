using FluentValidation;
using HoaxScreen.Api.Contracts;
using HoaxScreen.Api.Options;
using HoaxScreen.Core.Text;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Validation;

/// <summary>Rules for one post, used alone and for every batch item.</summary>
public sealed class ScreenRequestValidator : AbstractValidator<ScreenRequest>
{
    public ScreenRequestValidator(IOptions<ScreeningOptions> options)
    {
        var limits = options.Value;

        RuleFor(r => r.Text)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("text is required.")
            .Must(text => !BlankText.IsBlank(text)).WithMessage("text must not be blank.")
            .MaximumLength(limits.MaxTextLength)
            .WithMessage($"text must be at most {limits.MaxTextLength} characters; it has {{TotalLength}}.");

        RuleFor(r => r.Id)
            .MaximumLength(limits.MaxIdLength)
            .WithMessage($"id must be at most {limits.MaxIdLength} characters; it has {{TotalLength}}.");

        RuleFor(r => r.TopWords)
            .InclusiveBetween(1, ScreenRequest.MaxTopWords)
            .WithMessage($"topWords must be from 1 to {ScreenRequest.MaxTopWords}; it is {{PropertyValue}}.");
    }
}
