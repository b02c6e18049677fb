using System.Diagnostics;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Modeling;

/// <summary>
/// Owns the served model. The current <see cref="LoadedModel"/> sits in one volatile field, so readers take a
/// consistent snapshot without locks and a future hot reload replaces model and engine pool in one write.
/// </summary>
public sealed class ModelHolder(IOptions<ModelOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<ModelHolder> logger)
{
    private volatile LoadedModel? _current;

    /// <summary>The model being served; throws if called before start-up loaded one.</summary>
    public LoadedModel Current => _current ?? throw new InvalidOperationException("No model is loaded yet.");

    public bool IsLoaded => _current is not null;

    /// <summary>Loads the configured bundle and makes it current. Throws <see cref="ModelBundleException"/> on a bad bundle.</summary>
    public LoadedModel Load()
    {
        var configured = options.Value.Path;
        var directory = ModelPathResolver.Resolve(configured, environment.ContentRootPath)
            ?? throw new ModelBundleException($"{ModelOptions.SectionName}:Path '{configured}' does not lead to a model bundle.");

        var stopwatch = Stopwatch.StartNew();
        ScoringModel model;
        try
        {
            model = ScoringModel.Load(directory);
        }
        catch (ModelBundleException ex)
        {
            logger.ModelLoadFailed(directory, ex.Message, ex);
            throw;
        }

        var loaded = new LoadedModel(model, time.GetUtcNow());
        _current = loaded;
        logger.ModelLoaded(model.Version, model.Directory, string.Join(",", model.Labels), stopwatch.ElapsedMilliseconds, loaded.PoolSize);
        return loaded;
    }
}
