using System.Net;
using HoaxScreen.Api.Adaptation;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoaxScreen.Api.Tests;

/// <summary>While <c>Feedback:Path</c> is not configured, starting a job answers 404 saying what to set.</summary>
[TestFixture]
public sealed class AdaptationFeedbackOffTests : ApiFixture
{
    [Test]
    public async Task Start_FeedbackOff_404SayingWhatToConfigure()
    {
        using var response = await Client.PostRawAsync("/admin/model/adapt", "{}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await response.ReadObjectAsync())["detail"]!.GetValue<string>(), Does.Contain("Feedback:Path is not configured"));
    }
}

/// <summary>With feedback but no <c>Model:ReloadRoot</c> there is nowhere the reload would accept the new bundle: 409.</summary>
[TestFixture]
public sealed class AdaptationNoReloadRootTests : ApiFixture
{
    private static readonly Lazy<string> Store = new(() => Path.Combine(Directory.CreateTempSubdirectory("hoaxscreen-adapt-noroot-").FullName, "feedback.db"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Feedback:Path"] = Store.Value };

    [Test]
    public async Task Start_NoReloadRoot_409SayingWhatToConfigure()
    {
        using var response = await Client.PostRawAsync("/admin/model/adapt", "{}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await response.ReadObjectAsync())["detail"]!.GetValue<string>(), Does.Contain("Model:ReloadRoot is not configured"));
    }
}

/// <summary>With keys on, the adaptation routes are an administrator's: a screening key gets 403.</summary>
[TestFixture]
public sealed class AdaptationKeyTests : ApiFixture
{
    private static readonly Lazy<string> Store = new(() => Path.Combine(Directory.CreateTempSubdirectory("hoaxscreen-adapt-keys-").FullName, "feedback.db"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Feedback:Path"] = Store.Value,
        ["Security:RequireApiKeys"] = "true",
        ["Security:ApiKeys:0:Key"] = ApiKeyTests.ScreeningKey,
        ["Security:ApiKeys:0:Role"] = "screening",
        ["Security:ApiKeys:1:Key"] = ApiKeyTests.AdminKey,
        ["Security:ApiKeys:1:Role"] = "admin",
    };

    [TestCase("POST", "/admin/model/adapt", ApiKeyTests.ScreeningKey, HttpStatusCode.Forbidden)]
    [TestCase("POST", "/admin/model/adapt", null, HttpStatusCode.Unauthorized)]
    [TestCase("GET", "/admin/model/adapt/abc", ApiKeyTests.ScreeningKey, HttpStatusCode.Forbidden)]
    [TestCase("GET", "/admin/model/adapt/abc", ApiKeyTests.AdminKey, HttpStatusCode.NotFound)]
    [TestCase("POST", "/admin/model/adapt/abc/revert", ApiKeyTests.ScreeningKey, HttpStatusCode.Forbidden)]
    [TestCase("POST", "/admin/model/adapt/abc/revert", ApiKeyTests.AdminKey, HttpStatusCode.NotFound)]
    public async Task Route_Key_AnswersByRole(string method, string url, string? key, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }
}

/// <summary>
/// One job at a time: a second start while one runs answers 409 naming it. The job is held running by a stand-in
/// runner, so the test does not depend on how fast a real fit is; shutting the host down cancels it.
/// </summary>
[TestFixture]
public sealed class AdaptationBusyTests : ApiFixture
{
    private static readonly Lazy<string> Scratch = new(() => Directory.CreateTempSubdirectory("hoaxscreen-adapt-busy-").FullName);

    private readonly HeldRunner _runner = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Feedback:Path"] = Path.Combine(Scratch.Value, "feedback.db"),
        ["Model:ReloadRoot"] = Scratch.Value,
    };

    [Test]
    public async Task Start_WhileAJobRuns_409NamingItAndShutdownCancelsIt()
    {
        using var factory = Factory.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
        {
            services.RemoveAll<IAdaptJobRunner>();
            services.AddSingleton<IAdaptJobRunner>(_runner);
        }));
        using var client = factory.CreateClient();

        using var first = await client.PostRawAsync("/admin/model/adapt", "{}");
        var job = (await first.ReadObjectAsync())["job"]!.GetValue<string>();
        await _runner.Started.Task;
        using var second = await client.PostRawAsync("/admin/model/adapt", """{ "outFolder": "second" }""");
        var problem = await second.ReadObjectAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem["job"]!.GetValue<string>(), Is.EqualTo(job));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("one job runs at a time"));
        });

        factory.Dispose();
        Assert.That(await _runner.Cancelled.Task, Is.True, "shutting down cancels the running job");
    }

    /// <summary>Stays running until the host stops.</summary>
    private sealed class HeldRunner : IAdaptJobRunner
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task RunAsync(AdaptJob job, CancellationToken stopping)
        {
            job.Running();
            Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, stopping);
            }
            catch (OperationCanceledException)
            {
                Cancelled.TrySetResult(true);
            }
        }
    }
}
