using System.Net;
using System.Text.Json.Nodes;
using HoaxScreen.Api.Modeling;
using Microsoft.Extensions.DependencyInjection;

namespace HoaxScreen.Api.Tests;

[TestFixture]
public sealed class BatchEndpointTests : ApiFixture
{
    private static readonly string[] Texts =
    [
        "BREAKING!!! vaksin mengandung chip 5G, sebarkan sebelum dihapus pemerintah!!",
        "dasar goblok lu anjing, otak udang bgt sih",
        "Selamat pagi, jangan lupa sarapan dan minum air putih ya",
        "kaum itu memang pantas diusir dari negeri ini",
        "Rapat RT malam ini jam 19.30 di balai warga, mohon hadir tepat waktu",
    ];


    [Test]
    public async Task ScreenBatch_ValidItems_ReturnsResultsInInputOrder()
    {
        var ids = Texts.Select((_, i) => $"item-{Texts.Length - i}").ToArray();

        var body = await PostBatchAsync(Texts.Select((text, i) => ((string?)ids[i], text)));
        var results = body["results"]!.AsArray();
        var version = Factory.Services.GetRequiredService<ModelHolder>().Current.Version;

        Assert.Multiple(() =>
        {
            Assert.That(body.Select(p => p.Key), Is.EqualTo(new[] { "model", "results" }));
            Assert.That(body["model"]!.GetValue<string>(), Is.EqualTo(version));
            Assert.That(results.Select(r => r!["id"]!.GetValue<string>()), Is.EqualTo(ids));
            Assert.That(results.Select(r => r!["model"]!.GetValue<string>()), Has.All.EqualTo(version));
        });
    }

    [Test]
    public async Task ScreenBatch_SameTextsAsSinglePosts_ScoresEqualSingleScores()
    {
        var body = await PostBatchAsync(Texts.Select(text => ((string?)null, text)));
        var batchScores = body["results"]!.AsArray().Select(r => HttpTestExtensions.Scores(r!.AsObject())).ToList();

        for (var i = 0; i < Texts.Length; i++)
        {
            var single = await Client.ScoresAsync(Texts[i]);
            Assert.That(batchScores[i].Keys, Is.EqualTo(single.Keys), Texts[i]);
            foreach (var (label, score) in single)
            {
                Assert.That(batchScores[i][label], Is.EqualTo(score).Within(1e-5), $"{label} of item {i}");
            }
        }
    }

    [Test]
    public async Task ScreenBatch_ItemWithoutId_ReturnsNullIdForThatItem()
    {
        var body = await PostBatchAsync([("first", "halo semua"), (null, "apa kabar")]);
        var results = body["results"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(results[0]!["id"]!.GetValue<string>(), Is.EqualTo("first"));
            Assert.That(results[1]!["id"], Is.Null);
        });
    }

    [Test]
    public async Task ScreenBatch_DefaultLimitOf256Items_IsAccepted()
    {
        var body = await PostBatchAsync(Enumerable.Range(0, 256).Select(i => ((string?)$"n{i}", Texts[i % Texts.Length])));

        Assert.That(body["results"]!.AsArray(), Has.Count.EqualTo(256));
    }

    [Test]
    public async Task ScreenBatch_257ItemsWithDefaultLimit_Returns400()
    {
        var items = new JsonArray([.. Enumerable.Range(0, 257).Select(_ => (JsonNode)new JsonObject { ["text"] = "halo" })]);

        using var response = await Client.PostJsonNodeAsync("/v1/screen/batch", new JsonObject { ["items"] = items });
        var problem = await response.ReadObjectAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem["errors"]!["items"]![0]!.GetValue<string>(), Does.Contain("at most 256 posts"));
        });
    }

    private async Task<JsonObject> PostBatchAsync(IEnumerable<(string? Id, string Text)> items)
    {
        var array = new JsonArray([.. items.Select(item => (JsonNode)new JsonObject { ["id"] = item.Id, ["text"] = item.Text })]);
        using var response = await Client.PostJsonNodeAsync("/v1/screen/batch", new JsonObject { ["items"] = array });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }
}
