using System.Net;
using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Tests;

/// <summary>Validation rules, with the text and batch limits lowered through configuration.</summary>
[TestFixture]
public sealed class ValidationTests : ApiFixture
{
    private const int MaxTextLength = 50;
    private const int MaxBatchSize = 3;


    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Screening:MaxTextLength"] = MaxTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Screening:MaxBatchSize"] = MaxBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Test]
    public async Task Screen_BlankText_Returns400WithTextError()
    {
        var problem = await PostInvalidAsync("/v1/screen", """{ "text": "  \t\n " }""");

        Assert.That(problem["errors"]!["text"]!.AsArray().Select(m => m!.GetValue<string>()), Is.EqualTo(new[] { "text must not be blank." }));
    }

    [TestCase("\u0000", TestName = "Screen_NulOnlyText_Returns400TextMustNotBeBlank")]
    [TestCase("\u0001\u0002", TestName = "Screen_ControlCharactersOnlyText_Returns400TextMustNotBeBlank")]
    [TestCase("\u200B", TestName = "Screen_ZeroWidthSpaceOnlyText_Returns400TextMustNotBeBlank")]
    [TestCase("\t\n", TestName = "Screen_TabAndNewlineOnlyText_Returns400TextMustNotBeBlank")]
    [TestCase("\uFEFF", TestName = "Screen_ByteOrderMarkOnlyText_Returns400TextMustNotBeBlank")]
    [TestCase(" \u0000 \u200B\u200D\u202E \u007F ", TestName = "Screen_SpacesControlAndInvisibleMarksText_Returns400TextMustNotBeBlank")]
    public async Task Screen_InvisibleOnlyText_Returns400TextMustNotBeBlank(string text)
    {
        var problem = await PostInvalidAsync("/v1/screen", new JsonObject { ["text"] = text }.ToJsonString());

        Assert.That(problem["errors"]!["text"]!.AsArray().Select(m => m!.GetValue<string>()), Is.EqualTo(new[] { "text must not be blank." }));
    }

    [Test]
    public async Task ScreenBatch_InvisibleOnlyItemTexts_NameEachIndexedField()
    {
        var items = new JsonArray(
            new JsonObject { ["text"] = "\u0001\u0002" },
            new JsonObject { ["text"] = "halo semua" },
            new JsonObject { ["text"] = "\u0000\u200B\u200B" });

        var problem = await PostInvalidAsync("/v1/screen/batch", new JsonObject { ["items"] = items }.ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { "items[0].text", "items[2].text" }));
            Assert.That(problem["errors"]!["items[2].text"]![0]!.GetValue<string>(), Is.EqualTo("text must not be blank."));
        });
    }

    [Test]
    public async Task Screen_ControlCharactersAroundWords_ReturnsOk()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = "\u0000\u200Bhalo\u0001" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Screen_EmptyText_Returns400WithTextError()
    {
        var problem = await PostInvalidAsync("/v1/screen", """{ "text": "" }""");

        Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { "text" }));
    }

    [Test]
    public async Task Screen_NullText_Returns400TextRequired()
    {
        var problem = await PostInvalidAsync("/v1/screen", """{ "text": null, "id": "a" }""");

        Assert.That(problem["errors"]!["text"]![0]!.GetValue<string>(), Is.EqualTo("text is required."));
    }

    [Test]
    public async Task Screen_MissingText_Returns400TextRequired()
    {
        var problem = await PostInvalidAsync("/v1/screen", """{ "id": "only-an-id" }""");

        Assert.That(problem["errors"]!["text"]![0]!.GetValue<string>(), Is.EqualTo("text is required."));
    }

    [Test]
    public async Task Screen_TextLongerThanConfiguredLimit_Returns400NamingTheLimit()
    {
        var body = new JsonObject { ["text"] = HttpTestExtensions.Repeat('a', MaxTextLength + 1) };

        var problem = await PostInvalidAsync("/v1/screen", body.ToJsonString());

        Assert.That(problem["errors"]!["text"]![0]!.GetValue<string>(), Does.Contain($"at most {MaxTextLength} characters"));
    }

    [Test]
    public async Task Screen_TextAtConfiguredLimit_ReturnsOk()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = HttpTestExtensions.Repeat('a', MaxTextLength) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Screen_IdLongerThan128Characters_Returns400WithIdError()
    {
        var body = new JsonObject { ["text"] = "halo semua", ["id"] = HttpTestExtensions.Repeat('x', 129) };

        var problem = await PostInvalidAsync("/v1/screen", body.ToJsonString());

        Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { "id" }));
    }

    [Test]
    public async Task Screen_IdOf128Characters_ReturnsOkAndEchoesIt()
    {
        var id = HttpTestExtensions.Repeat('x', 128);

        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = "halo semua", ["id"] = id });
        var body = await response.ReadObjectAsync();

        Assert.That(body["id"]!.GetValue<string>(), Is.EqualTo(id));
    }

    [Test]
    public async Task Screen_TextAndIdBothInvalid_ReportsBothFields()
    {
        var body = new JsonObject { ["text"] = " ", ["id"] = HttpTestExtensions.Repeat('x', 129) };

        var problem = await PostInvalidAsync("/v1/screen", body.ToJsonString());

        Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EquivalentTo(new[] { "text", "id" }));
    }

    [TestCase(0)]
    [TestCase(-3)]
    [TestCase(21)]
    public async Task Screen_TopWordsOutOfRange_Returns400WithTopWordsError(int topWords)
    {
        var body = new JsonObject { ["text"] = "halo semua", ["explain"] = true, ["topWords"] = topWords };

        var problem = await PostInvalidAsync("/v1/screen", body.ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { "topWords" }));
            Assert.That(problem["errors"]!["topWords"]![0]!.GetValue<string>(), Is.EqualTo($"topWords must be from 1 to 20; it is {topWords}."));
        });
    }

    [TestCase(1)]
    [TestCase(20)]
    public async Task Screen_TopWordsAtLimits_ReturnsOk(int topWords)
    {
        var body = new JsonObject { ["text"] = "halo semua", ["explain"] = true, ["topWords"] = topWords };

        using var response = await Client.PostJsonNodeAsync("/v1/screen", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Screen_TopWordsNotANumber_Returns400NamingTheField()
    {
        using var response = await Client.PostRawAsync("/v1/screen", """{ "text": "halo", "explain": true, "topWords": "lima" }""");
        var problem = await response.ReadObjectAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem["errors"]!["topWords"]![0]!.GetValue<string>(), Is.EqualTo("topWords must be a whole number."));
        });
    }

    [Test]
    public async Task ScreenBatch_ItemTopWordsOutOfRange_NamesTheIndexedField()
    {
        const string body = """{ "items": [ { "text": "halo" }, { "text": "apa kabar", "explain": true, "topWords": 50 } ] }""";

        var problem = await PostInvalidAsync("/v1/screen/batch", body);

        Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { "items[1].topWords" }));
    }

    [Test]
    public async Task ScreenBatch_EmptyItems_Returns400WithItemsError()
    {
        var problem = await PostInvalidAsync("/v1/screen/batch", """{ "items": [] }""");

        Assert.That(problem["errors"]!["items"]![0]!.GetValue<string>(), Is.EqualTo("items must contain at least one post."));
    }

    [Test]
    public async Task ScreenBatch_MissingItems_Returns400WithItemsError()
    {
        var problem = await PostInvalidAsync("/v1/screen/batch", "{}");

        Assert.That(problem["errors"]!["items"]![0]!.GetValue<string>(), Is.EqualTo("items is required."));
    }

    [Test]
    public async Task ScreenBatch_MoreItemsThanConfiguredMax_Returns400WithOnlyTheSizeError()
    {
        var items = new JsonArray([.. Enumerable.Range(0, MaxBatchSize + 1).Select(_ => (JsonNode)new JsonObject { ["text"] = " " })]);

        var problem = await PostInvalidAsync("/v1/screen/batch", new JsonObject { ["items"] = items }.ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { "items" }));
            Assert.That(problem["errors"]!["items"]![0]!.GetValue<string>(), Does.Contain($"at most {MaxBatchSize} posts"));
        });
    }

    [Test]
    public async Task ScreenBatch_OneBadItem_NamesTheIndexedField()
    {
        const string body = """{ "items": [ { "text": "halo" }, { "text": "apa kabar" }, { "text": "   " } ] }""";

        var problem = await PostInvalidAsync("/v1/screen/batch", body);

        Assert.Multiple(() =>
        {
            Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { "items[2].text" }));
            Assert.That(problem["errors"]!["items[2].text"]![0]!.GetValue<string>(), Is.EqualTo("text must not be blank."));
        });
    }

    [Test]
    public async Task ScreenBatch_SeveralBadItems_ReportsEveryIndexedField()
    {
        var longId = HttpTestExtensions.Repeat('x', 129);
        var body = $$"""{ "items": [ { "id": "a" }, null, { "text": "ok", "id": "{{longId}}" } ] }""";

        var problem = await PostInvalidAsync("/v1/screen/batch", body);

        Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EquivalentTo(new[] { "items[0].text", "items[1]", "items[2].id" }));
    }

    [Test]
    public async Task ValidationProblem_AnyRule_HasProblemDetailsShape()
    {
        using var response = await Client.PostRawAsync("/v1/screen", """{ "text": "" }""");
        var problem = await response.ReadObjectAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(HttpTestExtensions.ProblemJson));
            Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo(400));
            Assert.That(problem["title"]!.GetValue<string>(), Is.EqualTo("One or more validation errors occurred."));
            Assert.That(problem["type"]!.GetValue<string>(), Does.StartWith("https://tools.ietf.org/html/rfc9110"));
            Assert.That(problem["errors"], Is.InstanceOf<JsonObject>());
        });
    }

    private async Task<JsonObject> PostInvalidAsync(string url, string body)
    {
        using var response = await Client.PostRawAsync(url, body);
        var problem = await response.ReadObjectAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToJsonString());
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(HttpTestExtensions.ProblemJson));
        });
        return problem;
    }
}
