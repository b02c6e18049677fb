using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Moderators' decisions over HTTP: stored with what the serving model said (scored as /v1/screen scores), refused in
/// plain words when malformed, listed, read and deleted by an admin, and never logged with their text.
/// </summary>
[TestFixture]
public sealed class FeedbackTests : ApiFixture
{
    private const string Secret = "rahasia-unik-7f3a: KTP lama tidak berlaku untuk mencoblos, sebarkan";

    private static readonly Lazy<string> Store = new(() => Path.Combine(Directory.CreateTempSubdirectory("hoaxscreen-feedback-api-").FullName, "feedback.db"));

    private readonly CapturingLoggerProvider _logs = new();

    protected override ILoggerProvider LoggerProvider => _logs;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Feedback:Path"] = Store.Value,
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:HoaxScreen"] = "Trace",
    };

    private Task<HttpResponseMessage> SubmitAsync(JsonObject body) => Client.PostJsonNodeAsync("/v1/feedback", body);

    [Test]
    public async Task Submit_JudgedLabel_201WithTheStoredDecisionAndTheScoresScreeningGives()
    {
        const string text = "INFO PENTING!!! mulai besok KTP lama tidak berlaku untuk mencoblos, wajib cetak ulang, bayar 50rb";
        var screened = await Client.ScoresAsync(text);

        using var response = await SubmitAsync(new JsonObject { ["id"] = "wa-77", ["text"] = text, ["labels"] = new JsonObject { ["hoax"] = true } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var stored = await response.ReadObjectAsync();
        var id = stored["id"]!.GetValue<long>();
        var scores = stored["scores"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/admin/feedback/{id}"));
            Assert.That(stored["clientId"]!.GetValue<string>(), Is.EqualTo("wa-77"));
            Assert.That(stored["labels"]!.AsObject().Select(l => l.Key), Is.EqualTo(new[] { "hoax" }), "labels not judged are not stored");
            Assert.That(scores.Select(s => s.Key), Is.EqualTo(screened.Keys), "a score for every label of the serving model, in its order");
            foreach (var (label, score) in screened)
            {
                Assert.That(scores[label]!["score"]!.GetValue<double>(), Is.EqualTo(score).Within(1e-6), label);
            }
        });
    }

    [Test]
    public async Task Submit_ThenAdminReadsAndDeletes_RoundTrip()
    {
        using var submitted = await SubmitAsync(new JsonObject { ["text"] = "dasar kafir semua", ["labels"] = new JsonObject { ["sara"] = true, ["abusive"] = false } });
        var id = (await submitted.ReadObjectAsync())["id"]!.GetValue<long>();

        using var get = await Client.GetAsync($"/admin/feedback/{id}");
        var read = await get.ReadObjectAsync();
        using var list = await Client.GetAsync("/admin/feedback?pageSize=1");
        var page = await list.ReadObjectAsync();
        using var delete = await Client.DeleteAsync($"/admin/feedback/{id}");
        using var again = await Client.DeleteAsync($"/admin/feedback/{id}");
        using var gone = await Client.GetAsync($"/admin/feedback/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(read["labels"]!.ToJsonString(), Is.EqualTo("""{"abusive":false,"sara":true}"""), "in the model's label order");
            Assert.That(page["items"]!.AsArray().Single()!["id"]!.GetValue<long>(), Is.EqualTo(id), "newest first");
            Assert.That(page["pageSize"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task Submit_ClaimJudgementOnly_Stored()
    {
        using var response = await SubmitAsync(new JsonObject { ["text"] = "vaksin ada chipnya", ["claimId"] = "tc-0001", ["claimCorrect"] = false });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var stored = await response.ReadObjectAsync();
        Assert.That((stored["claimId"]!.GetValue<string>(), stored["claimCorrect"]!.GetValue<bool>()), Is.EqualTo(("tc-0001", false)));
    }

    [TestCase("""{ "text": "halo semua" }""", "labels", "at least one label")]
    [TestCase("""{ "text": "halo semua", "labels": {} }""", "labels", "at least one label")]
    [TestCase("""{ "text": "halo semua", "labels": { "spam": true, "hoax": false } }""", "labels", "'spam', which the serving model does not score; its labels are hoax")]
    [TestCase("""{ "text": "halo semua", "labels": { "hoax": true }, "claimCorrect": true }""", "claimCorrect", "send it with the claimId")]
    [TestCase("""{ "text": "   ", "labels": { "hoax": true } }""", "text", "text must not be blank.")]
    [TestCase("""{ "labels": { "hoax": true } }""", "text", "text is required.")]
    public async Task Submit_BadDecision_400NamingTheFieldInPlainWords(string body, string field, string words)
    {
        using var response = await Client.PostRawAsync("/v1/feedback", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.ReadObjectAsync();
        Assert.That(problem["errors"]![field]!.AsArray().Single()!.GetValue<string>(), Does.Contain(words));
    }

    [Test]
    public async Task Submit_NoteTooLong_400()
    {
        using var response = await SubmitAsync(new JsonObject
        {
            ["text"] = "halo", ["labels"] = new JsonObject { ["hoax"] = false }, ["note"] = new string('x', 2_001),
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(HttpTestExtensions.ErrorKeys(await response.ReadObjectAsync()), Is.EqualTo(new[] { "note" }));
    }

    [Test]
    public async Task Submit_LabelOfTheWrongType_400NotA500()
    {
        using var response = await Client.PostRawAsync("/v1/feedback", """{ "text": "halo", "labels": { "hoax": "ya" } }""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [TestCase("/admin/feedback?page=0")]
    [TestCase("/admin/feedback?pageSize=501")]
    [TestCase("/admin/feedback/export?format=xml")]
    [TestCase("/v1/feedback/summary?days=0")]
    public async Task Query_OutOfRange_400(string url)
    {
        using var response = await Client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(HttpTestExtensions.ErrorKeys(await response.ReadObjectAsync()), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Submit_TextAndNote_NeverLoggedAboveTrace()
    {
        using var response = await SubmitAsync(new JsonObject
        {
            ["text"] = Secret, ["labels"] = new JsonObject { ["hoax"] = true }, ["note"] = Secret + " catatan",
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var leaks = _logs.Entries.Where(e => e.Level > LogLevel.Trace && (e.Message + string.Join(" ", e.Properties)).Contains("rahasia-unik-7f3a", StringComparison.Ordinal));

        Assert.That(leaks.Select(e => $"{e.Category}: {e.Message}"), Is.Empty);
        Assert.That(_logs.Entries.Any(e => e.EventId == 1080), Is.True, "the decision was logged, without its text");
    }

    [TestCase("/v1/feedback", "post", "SubmitFeedback", "201")]
    [TestCase("/v1/feedback/summary", "get", "GetFeedbackSummary", "200")]
    [TestCase("/admin/feedback", "get", "ListFeedback", "200")]
    [TestCase("/admin/feedback/export", "get", "ExportFeedback", "200")]
    [TestCase("/admin/feedback/{id}", "get", "GetFeedback", "200")]
    [TestCase("/admin/feedback/{id}", "delete", "DeleteFeedback", "204")]
    public async Task SwaggerJson_FeedbackOperation_NamedSummarisedDescribedWith404(string path, string method, string operationId, string success)
    {
        using var document = await Client.GetAsync("/swagger/v1/swagger.json");
        var operation = (await document.ReadObjectAsync())["paths"]?[path]?[method];

        Assert.That(operation, Is.Not.Null, $"{method} {path} missing");
        Assert.Multiple(() =>
        {
            Assert.That(operation!["operationId"]!.GetValue<string>(), Is.EqualTo(operationId));
            Assert.That(operation["summary"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(operation["description"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(operation["tags"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "Moderators' feedback" }));
            Assert.That(operation["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { success, "404" }));
        });
    }

    [Test]
    public async Task SwaggerExamples_RunAsTheyAre_EachStored()
    {
        using var document = await Client.GetAsync("/swagger/v1/swagger.json");
        var examples = (await document.ReadObjectAsync())["paths"]!["/v1/feedback"]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!.AsObject();

        var statuses = new Dictionary<string, HttpStatusCode>();
        foreach (var (name, example) in examples)
        {
            using var response = await Client.PostRawAsync("/v1/feedback", example!["value"]!.ToJsonString());
            statuses[name] = response.StatusCode;
        }

        Assert.That(statuses, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(statuses.Values, Is.All.EqualTo(HttpStatusCode.Created));
    }
}
