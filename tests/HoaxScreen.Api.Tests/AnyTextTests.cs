using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Any text, never a 500: posts of random code points from every plane (noncharacters such as U+FFFE, private use,
/// unassigned, controls, and lone surrogates sent as JSON escapes) through single, batch and explain requests. Each
/// answer is 200 with scores or a 4xx problem, never 5xx or an empty body. U+FFFE once answered 500 from Unicode
/// folding. Deterministic for a seed; set HOAXSCREEN_FUZZ_SEED to try another.
/// </summary>
[TestFixture]
public sealed class AnyTextTests : ApiFixture
{
    private const int Requests = 300;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("HOAXSCREEN_FUZZ_SEED"), out var seed) ? seed : 20261206;

    [Test]
    public async Task Screen_RandomCodePointsFromEveryPlane_NeverAnswers5xxOrEmpty()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            var (path, json) = (i % 3) switch
            {
                0 => ("/v1/screen", $$"""{ "text": "{{RandomText(random)}}" }"""),
                1 => ("/v1/screen", $$"""{ "text": "{{RandomText(random)}}", "explain": true, "explainAllLabels": true }"""),
                _ => ("/v1/screen/batch", $$"""{ "items": [ { "text": "{{RandomText(random)}}" }, { "text": "{{RandomText(random)}}", "explain": true } ] }"""),
            };

            using var response = await Client.PostRawAsync(path, json);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status >= 500 || body.Length == 0
                || (status == 200 && JsonNode.Parse(body) is not JsonObject { } result)
                || (status is >= 400 and < 500 && response.Content.Headers.ContentType?.MediaType != HttpTestExtensions.ProblemJson))
            {
                failures.Add($"{status} {path} {json[..Math.Min(json.Length, 120)]}: {body[..Math.Min(body.Length, 200)]}");
            }
        }

        Assert.That(failures, Is.Empty, $"seed {Seed}");
    }

    [TestCase(0xFFFE)]
    [TestCase(0xFFFF)]
    [TestCase(0xFDD0)]
    [TestCase(0x10FFFF)]
    [TestCase(0x24B6)]
    public async Task Screen_OneAwkwardCodePoint_Returns200(int codePoint)
    {
        var text = "dasar anjing " + char.ConvertFromUtf32(codePoint) + " lu";

        using var batch = await Client.PostJsonNodeAsync(
            "/v1/screen/batch", new JsonObject { ["items"] = new JsonArray(new JsonObject { ["text"] = "halo" }, new JsonObject { ["text"] = text }) });
        var scores = await Client.ScoresAsync(text);

        Assert.Multiple(() =>
        {
            Assert.That(batch.StatusCode, Is.EqualTo(HttpStatusCode.OK), "one awkward item does not fail the batch");
            Assert.That(scores["abusive"], Is.GreaterThan(0.5), "the rest of the post is still read");
        });
    }

    // 1-40 code points: a third from the Basic Multilingual Plane, a third from any plane, a third ASCII words; every
    // non-ASCII UTF-16 unit written as a JSON escape, so a surrogate half on its own can be sent.
    private static string RandomText(Random random)
    {
        var json = new StringBuilder();
        var count = random.Next(1, 41);
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(3))
            {
                case 0:
                    Escape(json, (char)random.Next(0x80, 0x10000));
                    break;
                case 1:
                    var value = random.Next(0x80, 0x110000);
                    if (value is >= 0xD800 and <= 0xDFFF)
                    {
                        Escape(json, (char)value);
                    }
                    else
                    {
                        foreach (var unit in char.ConvertFromUtf32(value))
                        {
                            Escape(json, unit);
                        }
                    }

                    break;
                default:
                    json.Append(random.Next(4) switch { 0 => " anjing ", 1 => " sebarkan ", 2 => " kafir ", _ => " halo " });
                    break;
            }
        }

        return json.ToString();
    }

    private static void Escape(StringBuilder json, char unit) =>
        json.Append("\\u").Append(((int)unit).ToString("x4", CultureInfo.InvariantCulture));
}
