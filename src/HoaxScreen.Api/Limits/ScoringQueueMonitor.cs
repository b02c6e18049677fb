using System.Collections.Concurrent;

namespace HoaxScreen.Api.Limits;

/// <summary>
/// How long short-post screening requests have been waiting for a scoring slot, for readiness: a replica whose queue
/// is backing up reports itself not ready, so a load balancer sends new posts elsewhere.
/// </summary>
public sealed class ScoringQueueMonitor(TimeProvider time)
{
    private readonly ConcurrentDictionary<HttpContext, long> _waiting = new(ReferenceEqualityComparer.Instance);

    /// <summary>The request is waiting for a slot (idempotent; forgotten when it starts or ends, whichever is first).</summary>
    public void Waiting(HttpContext context)
    {
        if (_waiting.TryAdd(context, time.GetTimestamp()))
        {
            context.Response.RegisterForDispose(new Forget(this, context));
        }
    }

    /// <summary>The request has its slot.</summary>
    public void Started(HttpContext context) => _waiting.TryRemove(context, out _);

    /// <summary>How long the longest-waiting request has waited so far (zero when none waits).</summary>
    public TimeSpan LongestWait
    {
        get
        {
            var oldest = long.MaxValue;
            foreach (var since in _waiting.Values)
            {
                oldest = Math.Min(oldest, since);
            }

            return oldest == long.MaxValue ? TimeSpan.Zero : time.GetElapsedTime(oldest);
        }
    }

    /// <summary>How many requests wait.</summary>
    public int Count => _waiting.Count;

    private sealed class Forget(ScoringQueueMonitor monitor, HttpContext context) : IDisposable
    {
        public void Dispose() => monitor.Started(context);
    }
}
