using FluentValidation;
using HoaxScreen.Api.Options;
using HoaxScreen.Api.Validation;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Screening;

/// <summary>Rules for one post, used alone and for every batch item.</summary>
public sealed class ScreenRequestValidator : AbstractValidator<ScreenRequest>
{
    public ScreenRequestValidator(IOptions<ScreeningOptions> options)
    {
        var limits = options.Value;

        RuleFor(r => r.Text).PostText(limits);

        RuleFor(r => r.Id)
            .MaximumLength(limits.MaxIdLength)
            .WithMessage($"id must be at most {limits.MaxIdLength} characters; it has {{TotalLength}}.");

        RuleFor(r => r.TopWords)
            .InclusiveBetween(1, ScreenRequest.MaxTopWords)
            .WithMessage($"topWords must be from 1 to {ScreenRequest.MaxTopWords}; it is {{PropertyValue}}.");
    }
}
