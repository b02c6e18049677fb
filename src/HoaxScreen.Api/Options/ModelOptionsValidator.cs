using HoaxScreen.Core.Modeling;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Options;

/// <summary>
/// Fails start-up when <c>Model:Path</c> does not lead to a folder with a manifest, <c>Model:ReloadRoot</c> is set but
/// missing, or the watch debounce is out of range.
/// </summary>
public sealed class ModelOptionsValidator(IHostEnvironment environment) : IValidateOptions<ModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail($"{ModelOptions.SectionName}:Path is required: set it to a model bundle folder.");
        }

        if (options.WatchDebounceMilliseconds is < ModelOptions.MinWatchDebounceMilliseconds or > ModelOptions.MaxWatchDebounceMilliseconds)
        {
            return ValidateOptionsResult.Fail(
                $"{ModelOptions.SectionName}:WatchDebounceMilliseconds must be from {ModelOptions.MinWatchDebounceMilliseconds} to " +
                $"{ModelOptions.MaxWatchDebounceMilliseconds}; it is {options.WatchDebounceMilliseconds}.");
        }

        if (!string.IsNullOrWhiteSpace(options.ReloadRoot))
        {
            var root = ModelPathResolver.ResolveFolder(options.ReloadRoot, environment.ContentRootPath);
            if (!Directory.Exists(root))
            {
                return ValidateOptionsResult.Fail($"{ModelOptions.SectionName}:ReloadRoot '{options.ReloadRoot}' is not a folder ({root} not found).");
            }
        }

        if (ModelPathResolver.Resolve(options.Path, environment.ContentRootPath) is not null)
        {
            return ValidateOptionsResult.Success;
        }

        var looked = ModelPathResolver.Candidates(options.Path, environment.ContentRootPath)
            .Select(directory => Directory.Exists(directory) ? $"{directory} (no {ModelBundle.ManifestFile})" : $"{directory} (not found)");
        return ValidateOptionsResult.Fail(
            $"{ModelOptions.SectionName}:Path '{options.Path}' is not a model bundle; looked in: {string.Join("; ", looked)}.");
    }
}
