using FluentValidation;
using HoaxScreen.Api.Options;
using HoaxScreen.Api.Validation;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Claims;

/// <summary>Rules for a claim search: the text as for screening, <c>top</c> 1..20.</summary>
public sealed class ClaimSearchRequestValidator : AbstractValidator<ClaimSearchRequest>
{
    public ClaimSearchRequestValidator(IOptions<ScreeningOptions> options)
    {
        var limits = options.Value;

        RuleFor(r => r.Text).PostText(limits);

        RuleFor(r => r.Top)
            .InclusiveBetween(1, ClaimSearchRequest.MaxTop)
            .WithMessage($"top must be from 1 to {ClaimSearchRequest.MaxTop}; it is {{PropertyValue}}.");
    }
}
