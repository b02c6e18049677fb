using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Modeling;

/// <summary>
/// With <c>Model:WatchForChanges</c>, watches the configured bundle folder (through its parent, so a folder swapped in
/// whole, as the training CLI does, is seen too) and reloads it once the files have been quiet for
/// <c>Model:WatchDebounceMilliseconds</c>. A bad bundle is logged as a warning and the serving model stays.
/// </summary>
public sealed class ModelFolderWatcher(ModelReloader reloader, IOptions<ModelOptions> options, TimeProvider time, ILogger<ModelFolderWatcher> logger)
    : BackgroundService
{
    public const string Trigger = "file watch";

    private readonly object _gate = new();
    private ITimer? _debounce;
    private CancellationToken _stopping;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WatchForChanges)
        {
            return Task.CompletedTask;
        }

        _stopping = stoppingToken;
        var bundle = Path.TrimEndingDirectorySeparator(reloader.ConfiguredDirectory);
        var parent = Path.GetDirectoryName(bundle);
        if (parent is null || !Directory.Exists(parent))
        {
            logger.ModelWatchUnavailable(bundle);
            return Task.CompletedTask;
        }

        var debounce = TimeSpan.FromMilliseconds(options.Value.WatchDebounceMilliseconds);
        var watcher = new FileSystemWatcher(parent)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };

        void OnChange(string path)
        {
            if (!Concerns(bundle, path))
            {
                return;
            }

            lock (_gate)
            {
                _debounce ??= time.CreateTimer(_ => _ = ReloadAsync(bundle), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _debounce.Change(debounce, Timeout.InfiniteTimeSpan);
            }
        }

        watcher.Changed += (_, e) => OnChange(e.FullPath);
        watcher.Created += (_, e) => OnChange(e.FullPath);
        watcher.Deleted += (_, e) => OnChange(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            OnChange(e.OldFullPath);
            OnChange(e.FullPath);
        };
        watcher.Error += (_, e) =>
        {
            logger.ModelWatchError(bundle, e.GetException().Message);
            OnChange(bundle);
        };
        watcher.EnableRaisingEvents = true;
        logger.ModelWatchStarted(bundle, options.Value.WatchDebounceMilliseconds);

        stoppingToken.Register(() =>
        {
            watcher.Dispose();
            lock (_gate)
            {
                _debounce?.Dispose();
            }
        });
        return Task.CompletedTask;
    }

    /// <summary>True for the bundle folder itself and anything inside it (not siblings such as the trainer's staging folder).</summary>
    internal static bool Concerns(string bundle, string path)
    {
        var full = Path.TrimEndingDirectorySeparator(path);
        return string.Equals(full, bundle, StringComparison.Ordinal)
            || full.StartsWith(bundle + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private async Task ReloadAsync(string bundle)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        try
        {
            // Outcomes (swapped or rejected) are logged by the reloader; a rejected bundle is a warning.
            await reloader.ReloadAsync(bundle, Trigger, waitIfBusy: true, _stopping);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
