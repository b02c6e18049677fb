using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Hostile and broken requests beyond plain validation: bodies over the size limit, foreign charsets, invalid UTF-8, deep
/// nesting, wrong JSON shapes, odd methods and routes. Each answers the right 4xx as problem details, never a 500 or a hang.
/// </summary>
[TestFixture]
public sealed class HostileInputTests : ApiFixture
{
    private const int BodyLimit = 4_096;

    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Limits:MaxRequestBodyBytes"] = BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [TestCase("/v1/screen")]
    [TestCase("/v1/screen/batch")]
    public async Task Post_ContentLengthOverLimit_Returns413ProblemDetails(string url)
    {
        var body = Encoding.UTF8.GetBytes($$"""{ "text": "{{HttpTestExtensions.Repeat('a', BodyLimit)}}" }""");

        using var response = await Client.PostAsync(url, TestContents.Bytes(body)).WaitAsync(Prompt);

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("4,096 bytes").And.Contain("Limits:MaxRequestBodyBytes"));
    }

    [TestCase("/v1/screen")]
    [TestCase("/v1/screen/batch")]
    public async Task Post_ChunkedBodyOverLimit_Returns413(string url)
    {
        var body = Encoding.UTF8.GetBytes($$"""{ "text": "{{HttpTestExtensions.Repeat('a', BodyLimit * 2)}}" }""");

        using var response = await Client.PostAsync(url, TestContents.Chunked(body)).WaitAsync(Prompt);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task Screen_BodyExactlyAtLimit_ReturnsOk()
    {
        var json = """{ "text": "halo semua, selamat pagi" }""";
        var body = Encoding.UTF8.GetBytes(json + new string(' ', BodyLimit - Encoding.UTF8.GetByteCount(json)));
        Assert.That(body, Has.Length.EqualTo(BodyLimit));

        using var response = await Client.PostAsync("/v1/screen", TestContents.Bytes(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCase("application/json; charset=foo")]
    [TestCase("application/json; charset=utf-16")]
    [TestCase("application/json; charset=iso-8859-1")]
    [TestCase("application/json; charset=utf-7")]
    [TestCase("application/json; charset=")]
    public async Task Screen_NonUtf8Charset_Returns415ProblemDetails(string contentType)
    {
        using var response = await Client.PostAsync("/v1/screen", TestContents.Bytes("""{ "text": "halo" }"""u8.ToArray(), contentType));

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("UTF-8"));
    }

    [TestCase("application/json; charset=utf-8")]
    [TestCase("application/json; charset=\"UTF-8\"")]
    [TestCase("application/json; charset=utf8")]
    [TestCase("application/json;charset=UTF-8")]
    public async Task Screen_Utf8CharsetInAnySpelling_ReturnsOk(string contentType)
    {
        using var response = await Client.PostAsync("/v1/screen", TestContents.Bytes("""{ "text": "halo semua" }"""u8.ToArray(), contentType));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCase(new byte[] { 0xFF, 0xFE }, TestName = "Screen_InvalidUtf8Bytes_Returns400ProblemDetails")]
    [TestCase(new byte[] { 0xC0, 0xAF }, TestName = "Screen_OverlongUtf8Encoding_Returns400ProblemDetails")]
    [TestCase(new byte[] { 0xED, 0xA0, 0x80 }, TestName = "Screen_Utf8EncodedSurrogate_Returns400ProblemDetails")]
    [TestCase(new byte[] { 0xE2, 0x82 }, TestName = "Screen_TruncatedUtf8Sequence_Returns400ProblemDetails")]
    [TestCase(new byte[] { 0x80 }, TestName = "Screen_LoneContinuationByte_Returns400ProblemDetails")]
    public async Task Screen_InvalidUtf8InText_Returns400ProblemDetails(byte[] invalid)
    {
        byte[] body = [.. "{ \"text\": \"halo "u8, .. invalid, .. " semua\" }"u8];

        using var response = await Client.PostAsync("/v1/screen", TestContents.Bytes(body));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Screen_EscapedLoneSurrogate_Returns400ProblemDetails()
    {
        using var response = await Client.PostRawAsync("/v1/screen", """{ "text": "halo \ud800 semua" }""");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestCase("/v1/screen", "{\"a\":", "}", TestName = "Screen_DeeplyNestedObjects_Returns400NamingTheDepth")]
    [TestCase("/v1/screen/batch", "{\"items\":[{\"text\":\"x\",\"id\":", "}]}", TestName = "ScreenBatch_DeeplyNestedItemField_Returns400NamingTheDepth")]
    public async Task Post_DeeplyNestedJson_Returns400NamingTheDepth(string url, string open, string close)
    {
        var body = string.Concat(Enumerable.Repeat(open, 40)) + "1" + string.Concat(Enumerable.Repeat(close, 40));

        using var response = await Client.PostRawAsync(url, body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("depth of 16"));
    }

    [TestCase("/v1/screen", "[]", TestName = "Screen_TopLevelArray_Returns400")]
    [TestCase("/v1/screen", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", TestName = "Screen_DeeplyNestedArrays_Returns400")]
    [TestCase("/v1/screen", "\"halo\"", TestName = "Screen_TopLevelString_Returns400")]
    [TestCase("/v1/screen", "42", TestName = "Screen_TopLevelNumber_Returns400")]
    [TestCase("/v1/screen", "true", TestName = "Screen_TopLevelBoolean_Returns400")]
    [TestCase("/v1/screen", "   ", TestName = "Screen_WhitespaceBody_Returns400")]
    [TestCase("/v1/screen", """{ "text": { "value": "halo" } }""", TestName = "Screen_ObjectForText_Returns400")]
    [TestCase("/v1/screen", """{ "text": true }""", TestName = "Screen_BooleanForText_Returns400")]
    [TestCase("/v1/screen", """{ "text": "halo", "id": 7 }""", TestName = "Screen_NumberForId_Returns400")]
    [TestCase("/v1/screen", """{ "text": "halo", "explain": "yes" }""", TestName = "Screen_StringForExplain_Returns400")]
    [TestCase("/v1/screen", """{ "text": "halo", "topWords": 1e400 }""", TestName = "Screen_HugeNumberForTopWords_Returns400")]
    [TestCase("/v1/screen", """{ "text": "halo", "topWords": 2.5 }""", TestName = "Screen_FractionForTopWords_Returns400")]
    [TestCase("/v1/screen", """{ "text": "halo" } { "text": "lagi" }""", TestName = "Screen_TwoJsonDocuments_Returns400")]
    [TestCase("/v1/screen", """{ "text": "halo", }""", TestName = "Screen_TrailingComma_Returns400")]
    [TestCase("/v1/screen", """{ 'text': 'halo' }""", TestName = "Screen_SingleQuotes_Returns400")]
    [TestCase("/v1/screen", """{ "text": "halo" /* komentar */ }""", TestName = "Screen_Comment_Returns400")]
    [TestCase("/v1/screen/batch", """[ { "text": "halo" } ]""", TestName = "ScreenBatch_BareArray_Returns400")]
    [TestCase("/v1/screen/batch", """{ "items": [ 1, 2 ] }""", TestName = "ScreenBatch_NumbersForItems_Returns400")]
    [TestCase("/v1/screen/batch", """{ "items": [ [ { "text": "halo" } ] ] }""", TestName = "ScreenBatch_NestedArrayItem_Returns400")]
    [TestCase("/v1/screen/batch", """{ "items": null }""", TestName = "ScreenBatch_NullItems_Returns400")]
    [TestCase("/v1/screen/batch", """{ "items": [ { "text": "halo" }, { "text": 5 } ] }""", TestName = "ScreenBatch_SecondItemTextNumber_Returns400NamingIt")]
    public async Task Post_WrongShape_Returns400ProblemDetails(string url, string body)
    {
        using var response = await Client.PostRawAsync(url, body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        if (body.Contains("\"text\": 5", StringComparison.Ordinal))
        {
            Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { "items[1].text" }));
        }
    }

    [Test]
    public async Task Screen_EmptyBodyWithoutContentType_Returns4xxProblemDetails()
    {
        using var response = await Client.PostAsync("/v1/screen", TestContents.Bytes([], contentType: null));

        Assert.That((int)response.StatusCode, Is.InRange(400, 499));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(HttpTestExtensions.ProblemJson));
    }

    [Test]
    public async Task Screen_JsonWithoutContentType_Returns415ProblemDetails()
    {
        using var response = await Client.PostAsync("/v1/screen", TestContents.Bytes("""{ "text": "halo" }"""u8.ToArray(), contentType: null));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [TestCase("\u0000\u0001\u0002 halo \u001f", TestName = "Screen_ControlCharacters_ReturnsOk")]
    [TestCase("😡😡😡🔥🔥", TestName = "Screen_OnlyEmoji_ReturnsOk")]
    [TestCase("\u202Eiklan\u202C \u200B\u200B\u200D", TestName = "Screen_BidiAndZeroWidthOnly_ReturnsOk")]
    [TestCase("𝕳𝖔𝖆𝖐𝖘 ＨＯＡＫＳ ḩǫąķś", TestName = "Screen_MathematicalAndFullWidthLetters_ReturnsOk")]
    public async Task Screen_UnusualButValidText_ReturnsOk(string text)
    {
        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = text, ["explain"] = true });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCase("PUT", "/v1/screen")]
    [TestCase("DELETE", "/v1/screen")]
    [TestCase("PATCH", "/v1/screen/batch")]
    [TestCase("POST", "/v1/model")]
    [TestCase("GET", "/admin/model/reload")]
    public async Task WrongMethod_KnownRoute_Returns405ProblemDetails(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = TestContents.Bytes("{}"u8.ToArray()) };
        using var response = await Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [TestCase("/v1/screen/extra")]
    [TestCase("/v2/screen")]
    [TestCase("/admin/model")]
    [TestCase("/v1/screen%2Fbatch")]
    [TestCase("/../../etc/passwd")]
    public async Task UnknownRoute_Post_Returns404ProblemDetails(string url)
    {
        using var response = await Client.PostRawAsync(url, """{ "text": "halo" }""");

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(HttpTestExtensions.ProblemJson), text);
        });
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo((int)expected));
        return problem;
    }
}
