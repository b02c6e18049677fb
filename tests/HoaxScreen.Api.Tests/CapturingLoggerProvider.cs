using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HoaxScreen.Api.Tests;

/// <summary>Keeps every log entry the app writes, for tests that check what is (and is not) logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    /// <summary>Waits until an entry matches (the app logs from background work), or fails after <paramref name="timeout"/>.</summary>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_entries.FirstOrDefault(match) is { } entry)
            {
                return entry;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"no matching log entry within {timeout.TotalSeconds:F0} s; saw: {string.Join(" | ", _entries.Select(e => e.Message))}");
        throw new InvalidOperationException();
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state as IEnumerable<KeyValuePair<string, object?>>;
            entries.Enqueue(new LogEntry(
                category,
                logLevel,
                eventId.Id,
                formatter(state, exception),
                exception?.ToString(),
                properties?.Select(p => $"{p.Key}={p.Value}").ToList() ?? []));
        }
    }
}

internal sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, string? Exception, IReadOnlyList<string> Properties);
