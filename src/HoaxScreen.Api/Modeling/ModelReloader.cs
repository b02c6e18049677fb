using System.Diagnostics;
using System.Runtime;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using HoaxScreen.Api.Telemetry;
using HoaxScreen.Core.Modeling;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Modeling;

/// <summary>
/// Puts bundles into service: resolves the configured folder, loads a bundle through the one load path
/// (<see cref="ModelBundleLoader"/>: files, featuriser, classifiers, canaries), checks that it keeps every label the
/// serving model has, and swaps it into <see cref="ModelHolder"/>. Reloads are serialised; a bad bundle never replaces
/// a good one.
/// </summary>
public sealed class ModelReloader(
    ModelHolder holder, IOptions<ModelOptions> options, IHostEnvironment environment, TimeProvider time, HoaxScreenMetrics metrics, ILogger<ModelReloader> logger)
{
    /// <summary>How long after a swap the previous model's memory is reclaimed; requests still using it finish long before.</summary>
    internal static readonly TimeSpan ReclaimDelay = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _reloadGate = new(1, 1);

    /// <summary>
    /// The configured bundle folder (<c>Model:Path</c> resolved): what start-up loads, what a reload without a path re-reads
    /// and what the file watch observes.
    /// </summary>
    public string ConfiguredDirectory =>
        ModelPathResolver.Resolve(options.Value.Path, environment.ContentRootPath)
        ?? ModelPathResolver.Candidates(options.Value.Path, environment.ContentRootPath)[0];

    /// <summary>
    /// Loads the configured bundle and makes it current. Throws <see cref="ModelBundleException"/> on a bad bundle (start-up
    /// reports it as one line and exits non-zero).
    /// </summary>
    public LoadedModel Load()
    {
        var configured = options.Value.Path;
        var directory = ModelPathResolver.Resolve(configured, environment.ContentRootPath)
            ?? throw new ModelBundleException($"{ModelOptions.SectionName}:Path '{configured}' does not lead to a model bundle.");

        var stopwatch = Stopwatch.StartNew();
        var loaded = new LoadedModel(ModelBundleLoader.Load(directory), time.GetUtcNow());
        holder.Swap(loaded);
        metrics.ModelServed(loaded.Version, loaded.Model.Labels);
        logger.ModelLoaded(loaded.Version, loaded.Model.Directory, string.Join(",", loaded.Model.Labels), stopwatch.ElapsedMilliseconds);
        return loaded;
    }

    /// <summary>
    /// Loads the bundle in <paramref name="directory"/>, checks it and swaps it in. A rejected bundle leaves the serving
    /// model untouched. With <paramref name="waitIfBusy"/> false, a reload already running makes this one
    /// <see cref="ModelReloadStatus.Busy"/> at once.
    /// </summary>
    public async Task<ModelReloadOutcome> ReloadAsync(string directory, string trigger, bool waitIfBusy, CancellationToken cancellationToken = default)
    {
        if (!await _reloadGate.WaitAsync(waitIfBusy ? Timeout.InfiniteTimeSpan : TimeSpan.Zero, cancellationToken))
        {
            logger.ModelReloadBusy(trigger, directory);
            metrics.ModelReload(HoaxScreenMetrics.ReloadBusy, trigger);
            return new ModelReloadOutcome(ModelReloadStatus.Busy, directory, holder.Current, null, "Another model reload is in progress.", 0);
        }

        try
        {
            // Loading is CPU and disk work of a second or so: keep it off the request thread.
            return await Task.Run(() => ReloadCore(directory, trigger), CancellationToken.None);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    private ModelReloadOutcome ReloadCore(string directory, string trigger)
    {
        var serving = holder.Current;
        var stopwatch = Stopwatch.StartNew();
        LoadedModel candidate;
        try
        {
            candidate = new LoadedModel(ModelBundleLoader.Load(directory), time.GetUtcNow());
            CheckLabelsKept(serving, candidate);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The reason names files by their full paths, for the log; the admin endpoint shortens them for its caller.
            var reason = ex is ModelBundleException ? ex.Message : $"{directory}: the bundle could not be loaded ({ex.Message.Split('\n')[0]})";
            logger.ModelReloadRejected(trigger, directory, ex is ModelBundleException ? reason : $"{reason} [{ex.GetType().Name}]", serving.Version);
            metrics.ModelReload(HoaxScreenMetrics.ReloadFailed, trigger);
            return new ModelReloadOutcome(ModelReloadStatus.Rejected, directory, serving, null, reason, stopwatch.ElapsedMilliseconds);
        }

        var previous = holder.Swap(candidate)!;
        metrics.ModelServed(candidate.Version, candidate.Model.Labels);
        metrics.ModelReload(HoaxScreenMetrics.ReloadSucceeded, trigger);
        logger.ModelReloaded(trigger, previous.Version, candidate.Version, candidate.Model.Directory, stopwatch.ElapsedMilliseconds);
        _ = ReclaimPreviousModelAsync(previous.Version);
        return new ModelReloadOutcome(ModelReloadStatus.Swapped, candidate.Model.Directory, candidate, previous, null, stopwatch.ElapsedMilliseconds);
    }

    /// <summary>
    /// A model takes tens of MB that, under steady load, would wait for a full collection that may not come for a long
    /// time, so a reload would raise resident memory for good. Once requests that took the old model have finished,
    /// one compacting collection hands its memory back.
    /// </summary>
    private async Task ReclaimPreviousModelAsync(string previousVersion)
    {
        await Task.Delay(ReclaimDelay, time);
        var before = Environment.WorkingSet;
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var heap = GC.GetGCMemoryInfo(GCKind.Any);
        logger.PreviousModelReclaimed(
            previousVersion, before / (1024 * 1024), Environment.WorkingSet / (1024 * 1024), heap.HeapSizeBytes / (1024 * 1024), heap.TotalCommittedBytes / (1024 * 1024));
    }

    /// <summary>Clients rely on every label the serving model reports, so a new bundle must keep them all.</summary>
    private static void CheckLabelsKept(LoadedModel serving, LoadedModel candidate)
    {
        var missing = serving.Model.Labels.Except(candidate.Model.Labels, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new ModelBundleException(
                $"{candidate.Model.Directory}: the bundle lacks label(s) {string.Join(", ", missing)} that the serving model {serving.Version} scores");
        }
    }
}

/// <summary>How a reload ended.</summary>
public enum ModelReloadStatus
{
    /// <summary>The new bundle passed its checks and is now served.</summary>
    Swapped,

    /// <summary>The bundle is missing, corrupt or incompatible; the previous model keeps serving.</summary>
    Rejected,

    /// <summary>Another reload was running; nothing changed.</summary>
    Busy,
}

/// <summary>The result of <see cref="ModelReloader.ReloadAsync"/>: what is served now and, on a swap, what was before.</summary>
public sealed record ModelReloadOutcome(
    ModelReloadStatus Status,
    string Directory,
    LoadedModel Serving,
    LoadedModel? Previous,
    string? Reason,
    long ElapsedMilliseconds);
