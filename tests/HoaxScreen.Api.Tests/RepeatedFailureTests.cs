using System.Net;
using HoaxScreen.Api.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// A failure that repeats answers 500 problem details every time but is logged once with its stack trace, then at most
/// once a minute: one character once made every request log a 3 KB stack trace (71 MiB of log in 10 s). The service's own
/// error handling (<c>AddApiErrorHandling</c> / <c>UseApiErrorHandling</c>) runs in a small host with an endpoint that throws.
/// </summary>
public sealed class RepeatedFailureTests
{
    [Test]
    public async Task UnexpectedFailure_Repeated100Times_Answers500EachTimeAndLogsOnce()
    {
        using var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddApiErrorHandling();
        await using var app = builder.Build();
        app.UseApiErrorHandling();
        app.MapGet("/fail", string () => throw new InvalidOperationException("secret internals at /srv/app"));
        await app.StartAsync();
        var client = app.GetTestClient();

        for (var i = 0; i < 100; i++)
        {
            using var response = await client.GetAsync("/fail");
            var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.InternalServerError);
            Assert.That(problem.ToJsonString(), Does.Not.Contain("secret").And.Not.Contain("/srv/app").And.Not.Contain("InvalidOperationException"));
        }

        var errors = logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(errors, Has.Count.EqualTo(1), string.Join(" | ", errors.Select(e => $"{e.Category}: {e.Message}")));
            Assert.That(errors[0].Exception, Does.Contain("InvalidOperationException"), "the first is logged with its stack trace");
        });
    }

    [Test]
    public void Record_SameFailureAfterTheWindow_LogsAgainWithTheCountLeftOut()
    {
        var time = new ManualTime();
        var failures = new RepeatedFailureLog(time);
        var failure = Thrown();

        var first = failures.Record(failure);
        var second = failures.Record(failure);
        var third = failures.Record(failure);
        time.Now += RepeatedFailureLog.Window;
        var later = failures.Record(failure);
        var other = failures.Record(new ArgumentException("x"));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo((true, true, 0L)));
            Assert.That(second.Log || third.Log, Is.False);
            Assert.That(later, Is.EqualTo((true, false, 2L)));
            Assert.That(other.First, Is.True, "another kind of failure is logged on its own");
        });
    }

    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }

    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
