using System.Net;
using System.Text.Json.Nodes;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Core.Labels;
using Microsoft.Extensions.DependencyInjection;

namespace HoaxScreen.Api.Tests;

[TestFixture]
public sealed class ScreenEndpointTests : ApiFixture
{
    private const string AbusiveText = "dasar goblok lu anjing, otak udang bgt sih, bacot doang bangsat!";
    private const string CleanText = "Selamat pagi warga, TPS 12 buka jam 07.00. Jangan lupa bawa KTP dan surat undangan ya.";


    [Test]
    public async Task Screen_ValidPost_ReturnsEveryModelLabelInModelOrder()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = CleanText, ["id"] = "post-1" });
        var body = await response.ReadObjectAsync();
        var model = Factory.Services.GetRequiredService<ModelHolder>().Current.Model;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(body.Select(p => p.Key), Is.EqualTo(new[] { "id", "model", "flagged", "labels", "risks" }));
            Assert.That(body["id"]!.GetValue<string>(), Is.EqualTo("post-1"));
            Assert.That(body["model"]!.GetValue<string>(), Is.EqualTo(model.Version));
            Assert.That(body["labels"]!.AsObject().Select(l => l.Key), Is.EqualTo(model.Labels));
            Assert.That(model.Labels, Is.SupersetOf(CanonicalLabels.All));
        });
    }

    [Test]
    public async Task Screen_ValidPost_FlagsFollowScoresAndThresholds()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = AbusiveText });
        var body = await response.ReadObjectAsync();
        var labels = body["labels"]!.AsObject();

        Assert.Multiple(() =>
        {
            foreach (var (name, node) in labels)
            {
                var score = node!["score"]!.GetValue<double>();
                var threshold = node["threshold"]!.GetValue<double>();
                Assert.That(score, Is.InRange(0.0, 1.0), name);
                Assert.That(threshold, Is.InRange(0.0, 1.0), name);
                Assert.That(node["flagged"]!.GetValue<bool>(), Is.EqualTo(score >= threshold), name);
            }

            var anyFlagged = labels.Any(l => l.Value!["flagged"]!.GetValue<bool>());
            Assert.That(body["flagged"]!.GetValue<bool>(), Is.EqualTo(anyFlagged));
        });
    }

    [Test]
    public async Task Screen_WithoutId_ReturnsNullId()
    {
        using var response = await Client.PostRawAsync("/v1/screen", """{ "text": "info lowongan kerja di kantor kecamatan" }""");
        var body = await response.ReadObjectAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.ContainsKey("id"), Is.True);
            Assert.That(body["id"], Is.Null);
        });
    }

    [Test]
    public async Task Screen_AbusiveIndonesianText_ScoresHigherOnAbusiveThanCleanText()
    {
        var abusive = await Client.ScoresAsync(AbusiveText);
        var clean = await Client.ScoresAsync(CleanText);

        Assert.That(abusive[CanonicalLabels.Abusive], Is.GreaterThan(clean[CanonicalLabels.Abusive]));
    }

    [Test]
    public async Task Screen_ConcurrentRequests_AllReturnTheSameScores()
    {
        var expected = await Client.ScoresAsync(AbusiveText);

        var results = await Task.WhenAll(Enumerable.Range(0, 48).Select(_ => Client.ScoresAsync(AbusiveText)));

        Assert.That(results, Has.All.EquivalentTo(expected));
    }
}
