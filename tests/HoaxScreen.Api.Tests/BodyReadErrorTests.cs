using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Bodies that cannot be read as the endpoint's JSON (wrong types, null, empty, an array, trailing garbage, no content
/// type) answer problem details in plain words that name the field, never the framework's wording or .NET type names.
/// </summary>
[TestFixture]
public sealed class BodyReadErrorTests : ApiFixture
{
    /// <summary>Text that would show .NET internals or the framework's wording to a caller.</summary>
    private static readonly string[] Internals =
    [
        "System.", "Failed to read parameter", "Implicit body", "JsonException", "$.", "ScreenRequest", "BatchScreenRequest",
        "LineNumber", "BytePositionInLine", "Path:", "IReadOnlyList", "HoaxScreen.", "Did you mean", "reader options",
    ];

    /// <summary>url, body, the errors key of the field (null when the body as a whole is wrong), words the answer must contain.</summary>
    private static readonly object?[][] Bodies =
    [
        ["/v1/screen", """{ "text": 5 }""", "text", "text must be a string."],
        ["/v1/screen", """{ "text": ["a"] }""", "text", "text must be a string."],
        ["/v1/screen", """{ "text": { "value": "halo" } }""", "text", "text must be a string."],
        ["/v1/screen", """{ "text": true }""", "text", "text must be a string."],
        ["/v1/screen", """{ "text": "halo", "id": 7 }""", "id", "id must be a string."],
        ["/v1/screen", """{ "text": "halo", "explain": "yes" }""", "explain", "explain must be true or false."],
        ["/v1/screen", """{ "text": "halo", "explain": null }""", "explain", "explain must be true or false."],
        ["/v1/screen", """{ "text": "halo", "explainAllLabels": 1 }""", "explainAllLabels", "explainAllLabels must be true or false."],
        ["/v1/screen", """{ "text": "halo", "topWords": "x" }""", "topWords", "topWords must be a whole number."],
        ["/v1/screen", """{ "text": "halo", "topWords": 2.5 }""", "topWords", "topWords must be a whole number."],
        ["/v1/screen", """{ "text": "halo", "topWords": 1e400 }""", "topWords", "topWords must be a whole number."],
        ["/v1/screen", """{ "Text": 5 }""", "text", "text must be a string."],
        ["/v1/screen", """{ "text": "halo \ud800" }""", "text", "text must be valid UTF-8 text"],
        ["/v1/screen", "null", null, "request body is missing or null: send a JSON object with \"text\""],
        ["/v1/screen", "", null, "request body is missing or null: send a JSON object with \"text\""],
        ["/v1/screen", "[]", null, "request body must be a JSON object with \"text\""],
        ["/v1/screen", """[ { "text": "halo" } ]""", null, "request body must be a JSON object with \"text\""],
        ["/v1/screen", "\"halo\"", null, "request body must be a JSON object with \"text\""],
        ["/v1/screen", "42", null, "request body must be a JSON object with \"text\""],
        ["/v1/screen", """{ "text": "halo" } xyz""", null, "request body is not valid JSON (line 1, byte 20)"],
        ["/v1/screen", """{ "text": "halo" } { "text": "lagi" }""", null, "request body is not valid JSON"],
        ["/v1/screen", """{ "text": "halo", }""", null, "request body is not valid JSON"],
        ["/v1/screen", """{ "text": "halo" """, null, "request body is not valid JSON"],
        ["/v1/screen/batch", """{ "items": {} }""", "items", "items must be a list ([...])."],
        ["/v1/screen/batch", """{ "items": "halo" }""", "items", "items must be a list ([...])."],
        ["/v1/screen/batch", """{ "items": 3 }""", "items", "items must be a list ([...])."],
        ["/v1/screen/batch", """{ "items": [ 1 ] }""", "items[0]", "items[0] must be an object with \"text\"."],
        ["/v1/screen/batch", """{ "items": [ { "text": "halo" }, [ "x" ] ] }""", "items[1]", "items[1] must be an object with \"text\"."],
        ["/v1/screen/batch", """{ "items": [ { "text": "halo" }, { "text": 5 } ] }""", "items[1].text", "text must be a string."],
        ["/v1/screen/batch", """{ "items": [ { "text": "halo", "explain": "yes" } ] }""", "items[0].explain", "explain must be true or false."],
        ["/v1/screen/batch", """{ "items": [ { "text": "halo", "topWords": "x" } ] }""", "items[0].topWords", "topWords must be a whole number."],
        ["/v1/screen/batch", """{ "items": [ { "text": "halo", "id": false } ] }""", "items[0].id", "id must be a string."],
        ["/v1/screen/batch", "null", null, "request body is missing or null: send a JSON object with \"items\""],
        ["/v1/screen/batch", "", null, "request body is missing or null: send a JSON object with \"items\""],
        ["/v1/screen/batch", "[]", null, "request body must be a JSON object with \"items\""],
        ["/v1/screen/batch", """[ { "text": "halo" } ]""", null, "request body must be a JSON object with \"items\""],
        ["/v1/screen/batch", """{ "items": [ { "text": "halo" } ] } ]""", null, "request body is not valid JSON"],
    ];

    [TestCaseSource(nameof(Bodies))]
    public async Task Post_UnreadableBody_Returns400InPlainWordsNamingTheField(string url, string body, string? field, string words)
    {
        using var response = await Client.PostRawAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonNode.Parse(text)!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(HttpTestExtensions.ProblemJson));
            Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo(400));
            foreach (var internals in Internals)
            {
                Assert.That(text, Does.Not.Contain(internals), $"the answer shows '{internals}'");
            }

            if (field is null)
            {
                Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(words));
            }
            else
            {
                Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { field }));
                Assert.That(problem["errors"]![field]![0]!.GetValue<string>(), Does.StartWith(words));
                Assert.That(problem["title"]!.GetValue<string>(), Is.EqualTo("One or more validation errors occurred."));
            }
        });
    }

    [TestCase("/v1/screen", """{ "text": "halo" }""")]
    [TestCase("/v1/screen/batch", """{ "items": [ { "text": "halo" } ] }""")]
    public async Task Post_JsonWithoutContentType_Returns415InPlainWords(string url, string body)
    {
        using var response = await Client.PostAsync(url, TestContents.Bytes(Encoding.UTF8.GetBytes(body), contentType: null));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), text);
            Assert.That(JsonNode.Parse(text)!["detail"]!.GetValue<string>(), Is.EqualTo("Send the request body as JSON with Content-Type: application/json."));
            Assert.That(Internals.Where(text.Contains), Is.Empty);
        });
    }

    [TestCase("/v1/screen", "text")]
    [TestCase("/v1/screen/batch", "items")]
    public async Task Post_EmptyBodyWithoutContentType_Returns400NamingTheRequiredField(string url, string field)
    {
        using var response = await Client.PostAsync(url, TestContents.Bytes([], contentType: null));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
            Assert.That(JsonNode.Parse(text)!["detail"]!.GetValue<string>(), Does.Contain($"\"{field}\""));
            Assert.That(Internals.Where(text.Contains), Is.Empty);
        });
    }

    [Test]
    public async Task Post_InvalidUtf8InText_Returns400NamingTheField()
    {
        byte[] body = [.. "{ \"text\": \"halo "u8, 0xFF, .. " semua\" }"u8];

        using var response = await Client.PostAsync("/v1/screen", TestContents.Bytes(body));
        var problem = await response.ReadObjectAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { "text" }));
            Assert.That(Internals.Where(problem.ToJsonString().Contains), Is.Empty);
        });
    }

    [Test]
    public async Task AdminReload_WrongTypeForPath_Returns400NamingTheField()
    {
        using var response = await Client.PostRawAsync("/admin/model/reload", """{ "path": 5 }""");
        var problem = await response.ReadObjectAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToJsonString());
            Assert.That(problem["errors"]!["path"]![0]!.GetValue<string>(), Is.EqualTo("path must be a string."));
        });
    }
}
