using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Options;

/// <summary>Retention from a day to a hundred years; with feedback in a SQLite file, the file's folder must exist (checked at start-up).</summary>
public sealed class FeedbackOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<FeedbackOptions>
{
    public const int MaxRetentionDays = 36_500;

    public ValidateOptionsResult Validate(string? name, FeedbackOptions options)
    {
        if (options.RetentionDays is < 1 or > MaxRetentionDays)
        {
            return ValidateOptionsResult.Fail($"Feedback:RetentionDays must be from 1 to {MaxRetentionDays}; it is {options.RetentionDays}.");
        }

        return !options.Enabled || DatabaseOptions.IsShared(configuration) || Directory.Exists(System.IO.Path.GetDirectoryName(ResolveStore(options, environment.ContentRootPath)))
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Feedback:Path '{options.Path}': its folder does not exist.");
    }

    /// <summary>The store file, resolved against the content root when relative.</summary>
    public static string ResolveStore(FeedbackOptions options, string contentRoot) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, options.Path!));
}
