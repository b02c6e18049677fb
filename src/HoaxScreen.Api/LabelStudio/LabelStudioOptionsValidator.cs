using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.LabelStudio;

/// <summary>Each name is a Label Studio tag name or data key: non-empty, at most 64 characters, no spaces or quotes.</summary>
public sealed class LabelStudioOptionsValidator : IValidateOptions<LabelStudioOptions>
{
    public const int MaxNameLength = 64;

    public ValidateOptionsResult Validate(string? name, LabelStudioOptions options)
    {
        var problems = new[]
            {
                Check(nameof(options.FromName), options.FromName),
                Check(nameof(options.ToName), options.ToName),
                Check(nameof(options.TextField), options.TextField),
            }
            .OfType<string>()
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string? Check(string key, string? value) =>
        string.IsNullOrWhiteSpace(value) ? $"LabelStudio:{key} must name a tag or data field of the labelling config; it is empty."
        : value.Length > MaxNameLength ? $"LabelStudio:{key} must be at most {MaxNameLength} characters; it has {value.Length}."
        : value.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '<' or '>' || char.IsControl(c))
            ? $"LabelStudio:{key} '{value}' has a space, quote, angle bracket or control character, which a Label Studio tag name cannot hold."
        : null;
}
