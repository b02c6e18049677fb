using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Every request's cost is bounded by the normalised text, not only the raw one: a 10 KB post of slang that expands
/// (mpr2 → "majelis permusyawaratan rakyat majelis permusyawaratan rakyat") is refused with 422 naming the limit, a
/// batch's texts are bounded in total, and explanations of long posts still answer.
/// </summary>
[TestFixture]
public sealed class ScoringBudgetTests : ApiFixture
{
    private static string Expanding(int length)
    {
        var text = new StringBuilder();
        while (text.Length + 5 <= length)
        {
            text.Append("mpr2 ");
        }

        return text.ToString();
    }

    [Test]
    public async Task Screen_TextThatExpandsPastTheLimit_Returns422NamingTheLimit()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = Expanding(9_990), ["explain"] = true });

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(detail, Does.Contain("Screening:MaxNormalizedLength"));
            Assert.That(detail, Does.Contain("30000"));
            Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { "text" }));
        });
    }

    [Test]
    public async Task ScreenBatch_OneItemExpandsPastTheLimit_Returns422NamingTheItem()
    {
        var items = new JsonArray(
            new JsonObject { ["text"] = "selamat pagi" },
            new JsonObject { ["text"] = "halo semua" },
            new JsonObject { ["text"] = Expanding(9_990) });

        using var response = await Client.PostJsonNodeAsync("/v1/screen/batch", new JsonObject { ["items"] = items });

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { "items[2].text" }));
    }

    [Test]
    public async Task ScreenBatch_ExplainedItemExpandsPastTheLimit_Returns422NamingTheItem()
    {
        var items = new JsonArray(
            new JsonObject { ["text"] = "dasar anjing", ["explain"] = true },
            new JsonObject { ["text"] = Expanding(9_990), ["explain"] = true });

        using var response = await Client.PostJsonNodeAsync("/v1/screen/batch", new JsonObject { ["items"] = items });

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { "items[1].text" }));
    }

    [Test]
    public async Task ScreenBatch_TextsOverTheBatchTotal_Returns400NamingTheSetting()
    {
        var items = new JsonArray([.. Enumerable.Range(0, 11).Select(_ => (JsonNode)new JsonObject { ["text"] = new string('a', 9_500) })]);

        using var response = await Client.PostJsonNodeAsync("/v1/screen/batch", new JsonObject { ["items"] = items });

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["items"]![0]!.GetValue<string>(), Does.Contain("Screening:MaxBatchTextLength").And.Contain("104500"));
    }

    [Test]
    public async Task ScreenBatch_MoreExplainedItemsThanAllowed_Returns400NamingTheSetting()
    {
        var items = new JsonArray([.. Enumerable.Range(0, 17).Select(i => (JsonNode)new JsonObject { ["text"] = $"dasar anjing {i}", ["explain"] = true })]);

        using var response = await Client.PostJsonNodeAsync("/v1/screen/batch", new JsonObject { ["items"] = items });

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["items"]![0]!.GetValue<string>(), Does.Contain("Screening:MaxExplainedItems").And.Contain("17 do"));
    }

    [Test]
    public async Task Screen_LongPostWithManyWords_ExplainsWithinTheBudget()
    {
        // ~1,000 distinct words and an insult near the end: more words than the budget occludes, so the first pass picks.
        var words = Enumerable.Range(0, 1_000).Select(i => "kata" + i.ToString("x", CultureInfo.InvariantCulture).Replace('0', 'g'));
        var text = string.Join(' ', words.Append("dasar anjing bangsat goblok lu"));

        using var response = await Client.PostJsonNodeAsync(
            "/v1/screen", new JsonObject { ["text"] = text, ["explain"] = true, ["explainAllLabels"] = true });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var abusive = (await response.ReadObjectAsync())["explanations"]!["abusive"]!.AsArray().Select(w => w!["text"]!.GetValue<string>());
        Assert.That(abusive, Has.Some.AnyOf("anjing", "bangsat", "goblok"));
    }
}
