using System.Net;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace HoaxScreen.Api.Tests;

/// <summary>Who may scrape <c>/metrics</c>, and turning it off (<c>Telemetry:Metrics</c>).</summary>
public static class MetricsAccessTests
{
    private const string Key = "metrics-test-key-0123456789";

    private static Dictionary<string, string?> KeysOn(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Security:RequireApiKeys"] = "true",
            ["Security:ApiKeys:0:Key"] = Key,
            ["Security:ApiKeys:0:Role"] = "screening",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    [TestFixture]
    public sealed class WithApiKeysOn : ApiFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => KeysOn();

        [Test]
        public async Task Metrics_WithoutKey_AnswersOkLikeHealthProbes()
        {
            using var metrics = await Client.GetAsync("/metrics");
            using var model = await Client.GetAsync("/v1/model");
            Assert.Multiple(() =>
            {
                Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(model.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "keys are on");
            });
        }

        [Test]
        public async Task Metrics_BeforeAnyPost_ListEveryLabelOfTheServedModelAtZero()
        {
            var labels = Factory.Services.GetRequiredService<ModelHolder>().Current.Model.Labels;
            var scrape = await PrometheusScrape.GetAsync(Client);
            var flagged = scrape.Matching("hoaxscreen_posts_flagged_total").ToList();
            var screened = scrape.Matching("hoaxscreen_posts_screened_total").ToList();
            Assert.Multiple(() =>
            {
                Assert.That(flagged.Select(sample => sample.Labels["label"]), Is.EquivalentTo(labels));
                Assert.That(screened.Select(sample => sample.Labels["flagged"]), Is.EquivalentTo(new[] { "true", "false" }));
                Assert.That(flagged.Concat(screened).Select(sample => sample.Value), Is.All.Zero);
            });
        }
    }

    [TestFixture]
    public sealed class WithRequireApiKey : ApiFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => KeysOn(("Telemetry:Metrics:RequireApiKey", "true"));

        [Test]
        public async Task Metrics_WithoutKey_AnswersUnauthorized()
        {
            using var response = await Client.GetAsync("/metrics");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        [Test]
        public async Task Metrics_WithKey_AnswersMetrics()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            request.Headers.Add("X-Api-Key", Key);
            using var response = await Client.SendAsync(request);
            Assert.Multiple(async () =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("hoaxscreen_model_info"));
            });
        }
    }

    [TestFixture]
    public sealed class WithMetricsDisabled : ApiFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Telemetry:Metrics:Enabled"] = "false" };

        [Test]
        public async Task Metrics_WhenDisabled_AnswersNotFoundAndScreeningStillWorks()
        {
            using var response = await Client.GetAsync("/metrics");
            var scores = await Client.ScoresAsync("halo semua");
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
                Assert.That(scores, Has.Count.EqualTo(ShippedLabels.All.Length));
            });
        }
    }
}
