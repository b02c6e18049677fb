using FluentValidation;
using HoaxScreen.Api.Options;
using HoaxScreen.Core.Text;

namespace HoaxScreen.Api.Validation;

/// <summary>The rules for a post's text wherever a request carries one (screening, claim search): one wording, one limit.</summary>
public static class PostTextRules
{
    public static IRuleBuilderOptions<T, string?> PostText<T>(this IRuleBuilderInitial<T, string?> rule, ScreeningOptions limits) =>
        rule
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("text is required.")
            .Must(text => !BlankText.IsBlank(text)).WithMessage("text must not be blank.")
            .MaximumLength(limits.MaxTextLength)
            .WithMessage($"text must be at most {limits.MaxTextLength} characters; it has {{TotalLength}}.");
}
