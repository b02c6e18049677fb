using HoaxScreen.Core.Claims.Matching;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Options;

/// <summary>
/// With matching on (a store path, or the shared database), the matcher folder must be one and a store file's folder
/// must exist (checked at start-up).
/// </summary>
public sealed class ClaimsOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<ClaimsOptions>
{
    public ValidateOptionsResult Validate(string? name, ClaimsOptions options)
    {
        if (options.RefreshSeconds is < 1 or > 3_600)
        {
            return ValidateOptionsResult.Fail("Claims:RefreshSeconds must be from 1 to 3600.");
        }

        if (options.MaxImportBytes is < 1_024 or > 1_073_741_824)
        {
            return ValidateOptionsResult.Fail("Claims:MaxImportBytes must be from 1024 to 1073741824 (1 GiB).");
        }

        if (!options.Enabled && !DatabaseOptions.IsShared(configuration))
        {
            return ValidateOptionsResult.Success;
        }

        var matcher = ResolveMatcher(options, environment.ContentRootPath);
        if (matcher is null)
        {
            return ValidateOptionsResult.Fail(
                $"Claims:MatcherPath '{options.MatcherPath}' is not a trained matcher folder (no {MatcherManifest.FileName}; train one with claims train).");
        }

        if (DatabaseOptions.IsShared(configuration))
        {
            return ValidateOptionsResult.Success;
        }

        var store = ResolveStore(options, environment.ContentRootPath);
        return Directory.Exists(System.IO.Path.GetDirectoryName(store))
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Claims:Path '{options.Path}': its folder does not exist.");
    }

    /// <summary>The matcher folder: under the content root, else the current directory; null when neither holds one.</summary>
    public static string? ResolveMatcher(ClaimsOptions options, string contentRoot) =>
        ModelPathResolver.Candidates(options.MatcherPath, contentRoot)
            .FirstOrDefault(folder => File.Exists(System.IO.Path.Combine(folder, MatcherManifest.FileName)));

    /// <summary>The store file, resolved against the content root when relative.</summary>
    public static string ResolveStore(ClaimsOptions options, string contentRoot) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, options.Path!));
}
