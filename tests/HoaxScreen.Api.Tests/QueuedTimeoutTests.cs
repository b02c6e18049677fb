using System.Net;
using HoaxScreen.Api.Limits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// A request that waits for a scoring slot longer than <c>Limits:RequestTimeoutSeconds</c> gets 503 with Retry-After,
/// never an empty 200. The service's own limits (<c>AddApiLimits</c> / <c>UseApiLimits</c>) run in a small host whose
/// one scoring slot is held by an endpoint the test releases, so the wait is certain rather than raced.
/// </summary>
public sealed class QueuedTimeoutTests
{
    [Test]
    public async Task ScoringRequest_QueuedPastTheTimeout_Returns503WithRetryAfter()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Limits:RequestTimeoutSeconds"] = "1";
        builder.Configuration["Limits:MaxConcurrentScoring"] = "1";
        builder.Configuration["Limits:ScoringQueueLimit"] = "10";
        builder.Services.AddProblemDetails();
        builder.Services.AddApiLimits();
        await using var app = builder.Build();
        app.UseApiLimits();
        var release = new TaskCompletionSource();
        var holding = new TaskCompletionSource();
        app.MapPost("/hold", async () =>
        {
            holding.TrySetResult();
            await release.Task;
            return "held";
        }).RequireRateLimiting(ScoringConcurrencyPolicy.Name).DisableRequestTimeout();
        app.MapPost("/work", () => "scored").RequireRateLimiting(ScoringConcurrencyPolicy.Name);
        await app.StartAsync();
        var client = app.GetTestClient();

        var held = client.PostAsync("/hold", null);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var queued = await client.PostAsync("/work", null);
        release.SetResult();
        using var heldResponse = await held;

        var body = await queued.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(queued.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body);
            Assert.That(queued.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(queued.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(body, Does.Contain("Limits:RequestTimeoutSeconds"));
            Assert.That(heldResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the request holding the slot finishes normally");
        });
    }
}
