using HoaxScreen.Core.Modeling;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Options;

/// <summary>Fails start-up when <c>Model:Path</c> does not lead to a folder with a manifest.</summary>
public sealed class ModelOptionsValidator(IHostEnvironment environment) : IValidateOptions<ModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail($"{ModelOptions.SectionName}:Path is required: set it to a model bundle folder.");
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
