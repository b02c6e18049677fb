using FluentValidation;
using HoaxScreen.Api.Options;
using HoaxScreen.Api.Validation;
using HoaxScreen.Core.Risks;
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

        RuleFor(r => r.Author!.Role)
            .Must(role => role is null || RiskVocabulary.AuthorRoles.Contains(role, StringComparer.Ordinal))
            .When(r => r.Author is not null)
            .OverridePropertyName("author.role")
            .WithMessage($"author.role must be one of {string.Join(", ", RiskVocabulary.AuthorRoles)}; it is '{{PropertyValue}}'.");

        RuleFor(r => r.Context!.Action)
            .Must(action => action is null || RiskVocabulary.Actions.Contains(action, StringComparer.Ordinal))
            .When(r => r.Context is not null)
            .OverridePropertyName("context.action")
            .WithMessage($"context.action must be one of {string.Join(", ", RiskVocabulary.Actions)}; it is '{{PropertyValue}}'.");

        RuleFor(r => r.TopWords)
            .InclusiveBetween(1, ScreenRequest.MaxTopWords)
            .WithMessage($"topWords must be from 1 to {ScreenRequest.MaxTopWords}; it is {{PropertyValue}}.");
    }
}
