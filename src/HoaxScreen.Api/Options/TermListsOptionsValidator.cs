using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Options;

/// <summary>With term lists in a SQLite file, the file's folder must exist (checked at start-up).</summary>
public sealed class TermListsOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<TermListsOptions>
{
    public ValidateOptionsResult Validate(string? name, TermListsOptions options)
    {
        if (options.RefreshSeconds is < 1 or > 3_600)
        {
            return ValidateOptionsResult.Fail("TermLists:RefreshSeconds must be from 1 to 3600.");
        }

        return !options.Enabled || DatabaseOptions.IsShared(configuration) || Directory.Exists(System.IO.Path.GetDirectoryName(ResolveStore(options, environment.ContentRootPath)))
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"TermLists:Path '{options.Path}': its folder does not exist.");
    }

    /// <summary>The store file, resolved against the content root when relative.</summary>
    public static string ResolveStore(TermListsOptions options, string contentRoot) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, options.Path!));
}
