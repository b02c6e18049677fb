using FluentValidation;
using HoaxScreen.Core.Adaptation;

namespace HoaxScreen.Api.Adaptation;

/// <summary>A known method, and an output folder that is one plain name (never a path that could leave the reload root).</summary>
public sealed class AdaptRequestValidator : AbstractValidator<AdaptRequest>
{
    public const int MaxFolderLength = 100;

    private static readonly string MethodNames = string.Join(", ", Enum.GetValues<AdaptationMethod>().Select(AdaptationMethods.Name));

    public AdaptRequestValidator()
    {
        RuleFor(r => r.Method)
            .Must(m => m is null || AdaptationMethods.TryParse(m, out _))
            .WithMessage(r => $"method must be one of {MethodNames}; it is '{Shorten(r.Method!)}'.");

        RuleFor(r => r.OutFolder)
            .Must(IsPlainName)
            .When(r => r.OutFolder is not null)
            .WithMessage($"outFolder must be one folder name of letters, digits, '-', '_' and '.', at most {MaxFolderLength} characters, not starting with '.'.");
    }

    private static bool IsPlainName(string? name) =>
        name is { Length: > 0 and <= MaxFolderLength } && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string Shorten(string value) => value.Length <= 32 ? value : value[..32] + "…";
}
