using System.Net;
using System.Security.Claims;
using HoaxScreen.Api.Health;
using HoaxScreen.Api.Limits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Cost-aware limits: heavy requests (bodies over <c>Limits:HeavyRequestBytes</c>) queue in their own lane, so a caller
/// sending the costliest requests cannot hold every scoring slot; and readiness turns 503 while short posts wait for a
/// slot longer than <c>Limits:ReadyMaxQueueWaitSeconds</c>. The service's own limits run in a small host whose slots
/// are held by an endpoint the test releases.
/// </summary>
public sealed class ScoringLaneTests
{
    private static async Task<(WebApplication App, HttpClient Client, TaskCompletionSource Release, SemaphoreSlim Holding)> StartAsync(
        Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddProblemDetails();
        builder.Services.AddApiLimits();
        builder.Services.AddHealthChecks().AddCheck<ScoringQueueHealthCheck>("scoring-queue");
        var app = builder.Build();

        // Stands in for API-key authentication: the caller's name from a header.
        app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue("X-Test-Caller", out var caller))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, caller.ToString())], "test"));
            }

            return next(context);
        });
        app.UseApiLimits();
        var release = new TaskCompletionSource();
        var holding = new SemaphoreSlim(0);
        app.MapPost("/hold", async () =>
        {
            holding.Release();
            await release.Task;
            return "held";
        }).RequireRateLimiting(ScoringConcurrencyPolicy.Name).DisableRequestTimeout();
        app.MapPost("/work", () => "scored").RequireRateLimiting(ScoringConcurrencyPolicy.Name);
        app.MapHealthChecks("/ready");
        await app.StartAsync();
        return (app, app.GetTestClient(), release, holding);
    }

    private static ByteArrayContent Body(int bytes)
    {
        var content = new ByteArrayContent(new byte[bytes]);
        content.Headers.ContentLength = bytes;
        return content;
    }

    [Test]
    public async Task Screen_HeavyLaneFull_HeavyRequestRefusedWhileShortPostsAreServed()
    {
        var (app, client, release, holding) = await StartAsync(new()
        {
            ["Limits:MaxConcurrentHeavyScoring"] = "1",
            ["Limits:ScoringQueueLimit"] = "0",
        });
        await using var _ = app;

        var held = client.PostAsync("/hold", Body(20_000));
        Assert.That(await holding.WaitAsync(TimeSpan.FromSeconds(10)), Is.True);
        using var heavy = await client.PostAsync("/work", Body(20_000));
        using var light = await client.PostAsync("/work", Body(300));
        release.SetResult();
        using var heldResponse = await held;

        var problem = await ApiKeyTests.AssertProblemAsync(heavy, HttpStatusCode.ServiceUnavailable);
        Assert.Multiple(() =>
        {
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("over 8192 bytes").And.Contain("1 at once"));
            Assert.That(light.StatusCode, Is.EqualTo(HttpStatusCode.OK), "short posts have their own lane");
            Assert.That(heldResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Ready_ShortPostWaitingLongerThanTheSetting_Returns503UntilTheQueueDrains()
    {
        var (app, client, release, holding) = await StartAsync(new()
        {
            ["Limits:MaxConcurrentScoring"] = "1",
            ["Limits:ScoringQueueLimit"] = "10",
            ["Limits:ReadyMaxQueueWaitSeconds"] = "0.2",
        });
        await using var _ = app;

        using (var before = await client.GetAsync("/ready"))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var held = client.PostAsync("/hold", Body(100));
        Assert.That(await holding.WaitAsync(TimeSpan.FromSeconds(10)), Is.True);
        var queued = client.PostAsync("/work", Body(100));
        await Task.Delay(600);
        using var during = await client.GetAsync("/ready");
        release.SetResult();
        using var heldResponse = await held;
        using var queuedResponse = await queued;
        using var after = await client.GetAsync("/ready");

        Assert.Multiple(() =>
        {
            Assert.That(during.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(queuedResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK), "ready again once the queue drains");
        });
    }

    [Test]
    public async Task Screen_OneCallerHoldsItsShare_AnotherCallersPostStartsAtOnce()
    {
        var (app, client, release, holding) = await StartAsync(new()
        {
            ["Limits:MaxConcurrentScoring"] = "3",
            ["Limits:MaxConcurrentScoringPerCaller"] = "2",
            ["Limits:ScoringQueueLimit"] = "10",
        });
        await using var _ = app;
        Task<HttpResponseMessage> Send(string path, string caller)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Body(100) };
            request.Headers.Add("X-Test-Caller", caller);
            return client.SendAsync(request);
        }

        var held = new[] { Send("/hold", "attacker"), Send("/hold", "attacker") };
        Assert.That(await holding.WaitAsync(TimeSpan.FromSeconds(10)) && await holding.WaitAsync(TimeSpan.FromSeconds(10)), Is.True);
        var attackersThird = Send("/work", "attacker");
        using var other = await Send("/work", "moderator").WaitAsync(TimeSpan.FromSeconds(10));
        var thirdWaited = !attackersThird.IsCompleted;
        release.SetResult();
        using var third = await attackersThird;
        foreach (var response in await Task.WhenAll(held))
        {
            response.Dispose();
        }

        Assert.Multiple(() =>
        {
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another caller's post is served while the first holds its share");
            Assert.That(thirdWaited, Is.True, "the first caller's third request waits for its own share");
            Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public void IsHeavy_DeclaredSizes_SplitAtTheSetting()
    {
        var options = new HoaxScreen.Api.Options.LimitsOptions { HeavyRequestBytes = 1_000 };
        bool Heavy(long? length)
        {
            var context = new DefaultHttpContext();
            context.Request.ContentLength = length;
            return ScoringConcurrencyPolicy.IsHeavy(context.Request, options);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Heavy(1_000), Is.False);
            Assert.That(Heavy(1_001), Is.True);
            Assert.That(Heavy(0), Is.False);
        });
    }
}
