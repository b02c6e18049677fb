using System.Collections.Concurrent;
using System.Security.Cryptography;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Core.Adaptation;

namespace HoaxScreen.Api.Adaptation;

/// <summary>
/// The service's adaptation jobs, in memory (a restart forgets them; the bundles they wrote stay on disk). One runs at
/// a time; shutting down cancels it (nothing is swapped in after that) and waits for it within the host's shutdown time.
/// </summary>
public sealed class AdaptJobs(IAdaptJobRunner runner, TimeProvider time) : IHostedService, IDisposable
{
    /// <summary>Finished jobs kept for status requests beyond this many are forgotten, oldest first.</summary>
    public const int KeptJobs = 50;

    private readonly ConcurrentDictionary<string, AdaptJob> _jobs = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private AdaptJob? _current;
    private Task _running = Task.CompletedTask;
    private int _disposed;

    /// <summary>The job still queued or running, if any.</summary>
    public AdaptJob? Running
    {
        get
        {
            lock (_gate)
            {
                return _current is { Finished: false } current ? current : null;
            }
        }
    }

    public AdaptJob? Find(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>
    /// Starts a job adapting <paramref name="baseModel"/> into <paramref name="outFolder"/> under
    /// <paramref name="reloadRoot"/> (null: a default name), unless one is running: then false, with that job.
    /// </summary>
    public bool TryStart(AdaptationMethod method, LoadedModel baseModel, string reloadRoot, string? outFolder, out AdaptJob job)
    {
        lock (_gate)
        {
            if (_current is { Finished: false } running)
            {
                job = running;
                return false;
            }

            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            var startedAt = time.GetUtcNow();
            var folder = outFolder ?? $"adapted-{startedAt:yyyyMMdd-HHmmss}-{id[..6]}";
            job = new AdaptJob(id, method, baseModel, folder, Path.Combine(reloadRoot, folder), startedAt);
            _jobs[id] = job;
            _order.Enqueue(id);
            while (_order.Count > KeptJobs && _order.TryDequeue(out var oldest))
            {
                _jobs.TryRemove(oldest, out _);
            }

            _current = job;
            var started = job;
            _running = Task.Run(() => runner.RunAsync(started, _stopping.Token), CancellationToken.None);
            return true;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A test host can be disposed before it is stopped; the job was cancelled with it then.
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            await _running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown time ran out: the job's task ends on its own at its next step.
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }
}
