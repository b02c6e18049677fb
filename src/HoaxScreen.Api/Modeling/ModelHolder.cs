using System.Diagnostics;
using System.Runtime;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using HoaxScreen.Api.Telemetry;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Modeling;

/// <summary>
/// Owns the served model. The current <see cref="LoadedModel"/> sits in one field read with <see cref="Volatile"/>, so a
/// request takes a consistent snapshot without locks and keeps scoring with it to the end, even if a reload swaps in a new
/// model (and engine pool) meanwhile. Reloads are serialised; a new bundle is loaded and checked completely before one
/// atomic exchange makes it current, so a bad bundle never replaces a good one.
/// </summary>
public sealed class ModelHolder(
    IOptions<ModelOptions> options, IHostEnvironment environment, TimeProvider time, HoaxScreenMetrics metrics, ILogger<ModelHolder> logger)
{
    /// <summary>Posts every candidate bundle must score before it is served (plain, slang and leetspeak, emoji).</summary>
    internal static readonly string[] CanaryPosts =
    [
        "cek kesiapan hoaxscreen",
        "SEBARKAN!! vaksin mengandung chip, info valid dari grup sebelah",
        "dasar b4b1 lu, otak udang bgt 😡",
        "Selamat pagi warga, TPS 12 buka jam 07.00 ya",
    ];

    /// <summary>How long after a swap the previous model's memory is reclaimed; requests still using it finish long before.</summary>
    internal static readonly TimeSpan ReclaimDelay = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private LoadedModel? _current;

    /// <summary>The model being served; throws if called before start-up loaded one.</summary>
    public LoadedModel Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("No model is loaded yet.");

    public bool IsLoaded => Volatile.Read(ref _current) is not null;

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
        var loaded = new LoadedModel(LoadBundle(directory), time.GetUtcNow());
        Volatile.Write(ref _current, loaded);
        metrics.ModelServed(loaded.Version, loaded.Model.Labels);
        logger.ModelLoaded(loaded.Version, loaded.Model.Directory, string.Join(",", loaded.Model.Labels), stopwatch.ElapsedMilliseconds, loaded.PoolSize);
        return loaded;
    }

    /// <summary>
    /// Once <paramref name="loaded"/>'s direct path is built, one full compacting collection. Loading leaves tens of MB of
    /// garbage (slot names, ML.NET's load buffers) that would otherwise set the heap's size, and so resident memory under
    /// load, for good: measured 302 → 204 MB idle for a model of the public data. For the service process at start-up
    /// (a blocking collection per host would only slow a test run that hosts dozens).
    /// </summary>
    public void ReclaimLoadingGarbage(LoadedModel loaded) =>
        _ = loaded.Model.DirectPathReady.ContinueWith(static _ => CompactHeap(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    /// <summary>
    /// Loads the bundle in <paramref name="directory"/>, checks it (readable manifest and model, output schema, every label the
    /// serving model has, canary posts scored through a fresh engine pool) and swaps it in. A rejected bundle leaves the
    /// serving model untouched. With <paramref name="waitIfBusy"/> false, a reload already running makes this one
    /// <see cref="ModelReloadStatus.Busy"/> at once.
    /// </summary>
    public async Task<ModelReloadOutcome> ReloadAsync(string directory, string trigger, bool waitIfBusy, CancellationToken cancellationToken = default)
    {
        if (!await _reloadGate.WaitAsync(waitIfBusy ? Timeout.InfiniteTimeSpan : TimeSpan.Zero, cancellationToken))
        {
            logger.ModelReloadBusy(trigger, directory);
            metrics.ModelReload(HoaxScreenMetrics.ReloadBusy, trigger);
            return new ModelReloadOutcome(ModelReloadStatus.Busy, directory, Current, null, "Another model reload is in progress.", 0);
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
        var serving = Current;
        var stopwatch = Stopwatch.StartNew();
        LoadedModel candidate;
        try
        {
            candidate = new LoadedModel(LoadBundle(directory), time.GetUtcNow());
            CheckCandidate(serving, candidate);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The reason names files by their full paths, for the log; the admin endpoint shortens them for its caller.
            var reason = ex is ModelBundleException ? ex.Message : $"{directory}: the bundle could not be loaded ({ex.Message.Split('\n')[0]})";
            logger.ModelReloadRejected(trigger, directory, ex is ModelBundleException ? reason : $"{reason} [{ex.GetType().Name}]", serving.Version);
            metrics.ModelReload(HoaxScreenMetrics.ReloadFailed, trigger);
            return new ModelReloadOutcome(ModelReloadStatus.Rejected, directory, serving, null, reason, stopwatch.ElapsedMilliseconds);
        }

        var previous = Interlocked.Exchange(ref _current, candidate)!;
        metrics.ModelServed(candidate.Version, candidate.Model.Labels);
        metrics.ModelReload(HoaxScreenMetrics.ReloadSucceeded, trigger);
        logger.ModelReloaded(trigger, previous.Version, candidate.Version, candidate.Model.Directory, stopwatch.ElapsedMilliseconds);
        _ = ReclaimPreviousModelAsync(previous.Version);
        return new ModelReloadOutcome(ModelReloadStatus.Swapped, candidate.Model.Directory, candidate, previous, null, stopwatch.ElapsedMilliseconds);
    }

    /// <summary>
    /// A model and its engines take about 20 MB that, under steady load, would wait for a full collection that may not
    /// come for a long time, so a reload would raise resident memory for good. Once requests that took the old model have
    /// finished, full, compacting, decommitting collections hand its memory back.
    /// </summary>
    private async Task ReclaimPreviousModelAsync(string previousVersion)
    {
        await Task.Delay(ReclaimDelay, time);
        var before = Environment.WorkingSet;
        CompactHeap();
        var heap = GC.GetGCMemoryInfo(GCKind.Any);
        logger.PreviousModelReclaimed(
            previousVersion, before / (1024 * 1024), Environment.WorkingSet / (1024 * 1024), heap.HeapSizeBytes / (1024 * 1024), heap.TotalCommittedBytes / (1024 * 1024));
    }

    // Ready sooner: the fast path's tables build after the bundle is checked, and until then the chain scores posts (the
    // same scores). For a model of all the public data, 0.8 s of its load.
    private ScoringModel LoadBundle(string directory)
    {
        var model = ScoringModel.Load(directory, directPathInBackground: true);
        var stopwatch = Stopwatch.StartNew();
        _ = model.DirectPathReady.ContinueWith(
            ready =>
            {
                if (ready.IsFaulted)
                {
                    logger.DirectPathFailed(model.Version, ready.Exception.GetBaseException().Message.Split('\n')[0]);
                }
                else
                {
                    logger.DirectPathSettled(model.Version, ready.Result ? "on" : "off (the chain scores every post)", stopwatch.ElapsedMilliseconds);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return model;
    }

    private static void CompactHeap()
    {
        // Two passes: parts of a model sit behind finalizable objects (the batch engines are kept in a thread-local
        // bag, freed by its finalizer), which only the second collection can take.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>Clients rely on every label the serving model reports, so a new bundle must keep them all and score the canaries.</summary>
    private static void CheckCandidate(LoadedModel serving, LoadedModel candidate)
    {
        var directory = candidate.Model.Directory;
        var missing = serving.Model.Labels.Except(candidate.Model.Labels, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new ModelBundleException(
                $"{directory}: the bundle lacks label(s) {string.Join(", ", missing)} that the serving model {serving.Version} scores");
        }

        foreach (var post in CanaryPosts)
        {
            var verdict = candidate.Score(post);
            if (verdict.Labels.Count != candidate.Model.Labels.Count
                || verdict.Labels.Any(label => !float.IsFinite(label.Score) || label.Score is < 0f or > 1f))
            {
                throw new ModelBundleException($"{directory}: the bundle failed its canary posts (scores missing or outside 0..1)");
            }
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

/// <summary>The result of <see cref="ModelHolder.ReloadAsync"/>: what is served now and, on a swap, what was before.</summary>
public sealed record ModelReloadOutcome(
    ModelReloadStatus Status,
    string Directory,
    LoadedModel Serving,
    LoadedModel? Previous,
    string? Reason,
    long ElapsedMilliseconds);
