using System.Collections.Concurrent;

namespace HoaxScreen.Api.Errors;

/// <summary>
/// Rate-limits the logging of one kind of failure (exception type and the method that threw): the first is logged with
/// its stack trace, then at most one line per <see cref="Window"/> with how many were left out. A request that fails the
/// same way thousands of times a second must not fill the disk with identical stack traces.
/// </summary>
public sealed class RepeatedFailureLog(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>What to log for this failure: the full entry, a repeat line with the number left out, or nothing.</summary>
    public (bool Log, bool First, long Suppressed) Record(Exception exception)
    {
        var key = Describe(exception);
        var now = time.GetUtcNow();
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        lock (entry)
        {
            if (entry.LastLogged is null)
            {
                entry.LastLogged = now;
                return (true, true, 0);
            }

            if (now - entry.LastLogged.Value < Window)
            {
                entry.Suppressed++;
                return (false, false, entry.Suppressed);
            }

            var suppressed = entry.Suppressed;
            entry.Suppressed = 0;
            entry.LastLogged = now;
            return (true, false, suppressed);
        }
    }

    /// <summary>The failure's kind in a few words: exception type and throwing method (no message: it may quote input).</summary>
    public static string Describe(Exception exception) =>
        exception.TargetSite is { } site ? $"{exception.GetType().Name} in {site.DeclaringType?.Name}.{site.Name}" : exception.GetType().Name;

    private sealed class Entry
    {
        public DateTimeOffset? LastLogged { get; set; }

        public long Suppressed { get; set; }
    }
}
