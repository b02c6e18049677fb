using System.Net;
using System.Text.Json.Nodes;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Core.Modeling;
using Microsoft.Extensions.DependencyInjection;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// <c>GET /metrics</c> after real requests: posts screened and flagged per label (single and batch, plain and explained),
/// request duration per route, the served model version and reloads by outcome. Every count is compared as a difference
/// between two scrapes around the requests, so the tests do not depend on each other.
/// </summary>
[TestFixture]
public sealed class MetricsTests : ApiFixture
{
    private const string Screened = "hoaxscreen_posts_screened_total";
    private const string Flagged = "hoaxscreen_posts_flagged_total";
    private const string ModelInfo = "hoaxscreen_model_info";
    private const string Reloads = "hoaxscreen_model_reloads_total";
    private const string RequestCount = "http_server_request_duration_seconds_count";
    private const string VersionB = "20990101-000000-metricsb";

    private static readonly Lazy<string> Scratch = new(() => Directory.CreateTempSubdirectory("hoaxscreen-metrics-").FullName);

    private static readonly string[] Posts =
    [
        "Selamat pagi warga, TPS 12 buka jam 07.00 ya",
        "dasar b4b1 lu, otak udang bgt 😡",
        "SEBARKAN!! vaksin mengandung chip, info valid dari grup sebelah",
        "anjing kau kafir, pergi dari negeri ini",
    ];

    private static string Root => Path.Combine(Scratch.Value, "models");

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            BundleCopies.CopyDefault(Path.Combine(Root, "a"));
            BundleCopies.CopyDefault(Path.Combine(Root, "b"), VersionB);
            var corrupt = BundleCopies.CopyDefault(Path.Combine(Root, "corrupt"));
            File.WriteAllText(Path.Combine(corrupt, ModelBundle.ModelFile), "this is not a zip file");
            return new Dictionary<string, string?> { ["Model:Path"] = Path.Combine(Root, "a"), ["Model:ReloadRoot"] = Root };
        }
    }

    private ModelHolder Holder => Factory.Services.GetRequiredService<ModelHolder>();
    private ModelReloader Reloader => Factory.Services.GetRequiredService<ModelReloader>();

    [OneTimeTearDown]
    public void DeleteScratch()
    {
        if (Scratch.IsValueCreated)
        {
            Directory.Delete(Scratch.Value, recursive: true);
        }
    }

    [Test]
    public async Task Metrics_AfterSingleAndBatchRequests_CountEveryPostAndEachFlaggedLabel()
    {
        var before = await PrometheusScrape.GetAsync(Client);

        var results = new List<JsonObject>();
        foreach (var (post, index) in Posts.Select((post, index) => (post, index)))
        {
            using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = post, ["explain"] = index == 1 });
            results.Add(await response.ReadObjectAsync());
        }

        var items = new JsonArray([.. Posts.Select((post, index) => (JsonNode)new JsonObject { ["text"] = post, ["explain"] = index == 3 })]);
        using (var batch = await Client.PostJsonNodeAsync("/v1/screen/batch", new JsonObject { ["items"] = items }))
        {
            results.AddRange((await batch.ReadObjectAsync())["results"]!.AsArray().Select(result => result!.AsObject()));
        }

        var after = await PrometheusScrape.GetAsync(Client);

        var flaggedPosts = results.Count(result => result["flagged"]!.GetValue<bool>());
        var flaggedPerLabel = results
            .SelectMany(result => result["labels"]!.AsObject())
            .Where(label => label.Value!["flagged"]!.GetValue<bool>())
            .GroupBy(label => label.Key)
            .ToDictionary(group => group.Key, group => group.Count());
        Assert.Multiple(() =>
        {
            Assert.That(flaggedPosts, Is.InRange(1, results.Count - 1), "the posts should include flagged and clean ones");
            Assert.That(after.Sum(Screened) - before.Sum(Screened), Is.EqualTo(2 * Posts.Length));
            Assert.That(after.Sum(Screened, ("flagged", "true")) - before.Sum(Screened, ("flagged", "true")), Is.EqualTo(flaggedPosts));
            foreach (var label in new[] { "hoax", "hate_speech", "abusive", "sara" })
            {
                Assert.That(
                    after.Sum(Flagged, ("label", label)) - before.Sum(Flagged, ("label", label)),
                    Is.EqualTo(flaggedPerLabel.GetValueOrDefault(label)),
                    label);
            }

            Assert.That(flaggedPerLabel.Keys, Is.SubsetOf(after.Matching(Flagged).Select(sample => sample.Labels["label"])));
        });
    }

    [Test]
    public async Task Metrics_AfterRequests_CountRequestDurationPerRouteAndStatus()
    {
        var before = await PrometheusScrape.GetAsync(Client);
        for (var i = 0; i < 3; i++)
        {
            (await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = Posts[i] })).Dispose();
        }

        (await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = "" })).Dispose();
        var after = await PrometheusScrape.GetAsync(Client);

        (string, string) Route(string route) => ("http_route", route);
        (string, string) Status(string status) => ("http_response_status_code", status);
        Assert.Multiple(() =>
        {
            Assert.That(after.Sum(RequestCount, Route("/v1/screen/"), Status("200")) - before.Sum(RequestCount, Route("/v1/screen/"), Status("200")), Is.EqualTo(3));
            Assert.That(after.Sum(RequestCount, Route("/v1/screen/"), Status("400")) - before.Sum(RequestCount, Route("/v1/screen/"), Status("400")), Is.EqualTo(1));
            Assert.That(after.Matching("http_server_request_duration_seconds_bucket", Route("/v1/screen/")), Is.Not.Empty);
            Assert.That(after.Sum("http_server_request_duration_seconds_sum", Route("/v1/screen/")), Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task Metrics_AfterReloads_ReportServedVersionAndReloadsByOutcome()
    {
        var versionA = Holder.Current.Version;
        var before = await PrometheusScrape.GetAsync(Client);
        Assert.That(before.Matching(ModelInfo).Select(sample => (sample.Labels["version"], sample.Value)), Is.EqualTo(new[] { (versionA, 1.0) }));

        try
        {
            Assert.That(await ReloadAsync("b"), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await ReloadAsync("corrupt"), Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            var after = await PrometheusScrape.GetAsync(Client);

            (string, string) Outcome(string outcome) => ("outcome", outcome);
            (string, string) Trigger = ("trigger", "admin endpoint");
            Assert.Multiple(() =>
            {
                Assert.That(after.Matching(ModelInfo).Select(sample => (sample.Labels["version"], sample.Value)), Is.EqualTo(new[] { (VersionB, 1.0) }));
                Assert.That(after.Sum(Reloads, Outcome("success"), Trigger) - before.Sum(Reloads, Outcome("success"), Trigger), Is.EqualTo(1));
                Assert.That(after.Sum(Reloads, Outcome("failure"), Trigger) - before.Sum(Reloads, Outcome("failure"), Trigger), Is.EqualTo(1));
            });
        }
        finally
        {
            await Reloader.ReloadAsync(Path.Combine(Root, "a"), "test clean-up", waitIfBusy: true);
        }
    }

    [Test]
    public async Task Metrics_Response_IsPrometheusTextWithServiceName()
    {
        using var response = await Client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(text, Does.Contain("# TYPE hoaxscreen_posts_screened_total counter"));
            Assert.That(PrometheusScrape.Parse(text).Matching("target_info", ("service_name", "hoaxscreen")), Is.Not.Empty);
            Assert.That(PrometheusScrape.Parse(text).Matching("dotnet_process_memory_working_set_bytes"), Is.Not.Empty, "runtime meter");
        });
    }

    private async Task<HttpStatusCode> ReloadAsync(string path)
    {
        using var response = await Client.PostJsonNodeAsync("/admin/model/reload", new JsonObject { ["path"] = path });
        return response.StatusCode;
    }
}
