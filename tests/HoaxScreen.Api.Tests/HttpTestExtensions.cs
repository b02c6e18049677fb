using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Tests;

internal static class HttpTestExtensions
{
    public const string ProblemJson = "application/problem+json";

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        return client.PostAsync(url, content);
    }

    public static Task<HttpResponseMessage> PostJsonNodeAsync(this HttpClient client, string url, JsonNode body) =>
        client.PostRawAsync(url, body.ToJsonString());

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?.AsObject() ?? throw new JsonException($"not a JSON object: {text}");
    }

    /// <summary>Posts one text to /v1/screen and returns the label scores, asserting success.</summary>
    public static async Task<Dictionary<string, double>> ScoresAsync(this HttpClient client, string text)
    {
        using var response = await client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = text });
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        return Scores(await response.ReadObjectAsync());
    }

    public static Dictionary<string, double> Scores(JsonObject result) =>
        result["labels"]!.AsObject().ToDictionary(label => label.Key, label => label.Value!["score"]!.GetValue<double>());

    public static IReadOnlyList<string> ErrorKeys(JsonObject problem) =>
        [.. problem["errors"]?.AsObject().Select(error => error.Key) ?? []];

    public static string Repeat(char character, int count) => new(character, count);
}
