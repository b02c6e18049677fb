using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Label Studio's annotation webhooks, as it sends them, become moderators' decisions in the feedback store: chosen
/// labels true, the model's other labels false, one decision per annotation, skipped annotations and other events
/// ignored, bad annotations refused in plain words, texts never logged.
/// </summary>
[TestFixture]
public sealed class LabelStudioWebhookTests : ApiFixture
{
    private static readonly Lazy<string> Store = new(() => Path.Combine(Directory.CreateTempSubdirectory("hoaxscreen-labelstudio-").FullName, "feedback.db"));

    private readonly CapturingLoggerProvider _logs = new();

    protected override ILoggerProvider LoggerProvider => _logs;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(LabelStudioFixtures.Enabled(Store.Value))
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:HoaxScreen"] = "Trace",
    };

    private Task<HttpResponseMessage> SendAsync(JsonObject webhook) => Client.PostJsonNodeAsync("/labelstudio/webhook", webhook);

    /// <summary>The stored decisions of one annotation, from the admin list.</summary>
    private async Task<List<JsonObject>> DecisionsOfAsync(long annotationId)
    {
        using var response = await Client.GetAsync("/admin/feedback?pageSize=100");
        var page = await response.ReadObjectAsync();
        return [.. page["items"]!.AsArray().Select(i => i!.AsObject()).Where(i => i["clientId"]?.GetValue<string>() == $"labelstudio:annotation:{annotationId}")];
    }

    private async Task<JsonObject> SummaryAsync()
    {
        using var response = await Client.GetAsync("/v1/feedback/summary");
        return await response.ReadObjectAsync();
    }

    private static int Count(JsonObject summary, string label, string figure) => summary["labels"]![label]![figure]!.GetValue<int>();

    [Test]
    public async Task Webhook_AnnotationCreated_StoresChosenLabelsTrueAndTheOthersFalse()
    {
        var before = await SummaryAsync();

        using var response = await SendAsync(LabelStudioFixtures.Load("webhook-annotation-created.json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var answer = await response.ReadObjectAsync();
        var stored = (await DecisionsOfAsync(501)).Single();
        var after = await SummaryAsync();
        Assert.Multiple(() =>
        {
            Assert.That(answer["status"]!.GetValue<string>(), Is.EqualTo("stored"));
            Assert.That(answer["feedbackId"]!.GetValue<long>(), Is.EqualTo(stored["id"]!.GetValue<long>()));
            Assert.That(stored["labels"]!.ToJsonString(), Is.EqualTo("""{"hoax":true,"hate_speech":false,"abusive":false,"sara":false,"campaign":true}"""));
            Assert.That(stored["scores"]!.AsObject(), Has.Count.EqualTo(5), "scored by the serving model, as /v1/feedback does");
            foreach (var label in new[] { "hoax", "hate_speech", "abusive", "sara", "campaign" })
            {
                Assert.That(Count(after, label, "decisions") - Count(before, label, "decisions"), Is.EqualTo(1), label);
            }

            Assert.That(Count(after, "hoax", "positives") - Count(before, "hoax", "positives"), Is.EqualTo(1));
            Assert.That(Count(after, "abusive", "positives") - Count(before, "abusive", "positives"), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task Webhook_AnnotationUpdated_ReplacesTheAnnotationsDecision()
    {
        using var created = await SendAsync(LabelStudioFixtures.Webhook("webhook-annotation-created.json", 601, "hoax", "campaign"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var before = await SummaryAsync();

        using var updated = await SendAsync(LabelStudioFixtures.Webhook("webhook-annotation-updated.json", 601, "hoax"));

        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.Created), await updated.Content.ReadAsStringAsync());
        var answer = await updated.ReadObjectAsync();
        var decisions = await DecisionsOfAsync(601);
        var after = await SummaryAsync();
        Assert.Multiple(() =>
        {
            Assert.That(answer["replaced"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(decisions, Has.Count.EqualTo(1), "one decision per annotation");
            Assert.That(decisions.Single()["labels"]!["campaign"]!.GetValue<bool>(), Is.False, "the update's judgement");
            Assert.That(decisions.Single()["labels"]!["hoax"]!.GetValue<bool>(), Is.True);
            Assert.That(Count(after, "campaign", "decisions"), Is.EqualTo(Count(before, "campaign", "decisions")), "replaced, not added");
            Assert.That(Count(after, "campaign", "positives"), Is.EqualTo(Count(before, "campaign", "positives") - 1));
        });
    }

    [Test]
    public async Task Webhook_NoChoiceTicked_StoresEveryLabelFalse()
    {
        using var response = await SendAsync(LabelStudioFixtures.Webhook("webhook-annotation-created.json", 701, []));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await DecisionsOfAsync(701)).Single()["labels"]!.AsObject().Select(l => l.Value!.GetValue<bool>()), Is.All.False);
    }

    [Test]
    public async Task Webhook_ConfigOfferingSomeLabels_JudgesOnlyTheOfferedOnes()
    {
        var webhook = LabelStudioFixtures.Webhook("webhook-annotation-created.json", 702, "abusive");
        webhook["project"]!["label_config"] =
            """<View><Text name="text" value="$text"/><Choices name="labels" toName="text"><Choice value="hoax"/><Choice value="abusive"/></Choices></View>""";

        using var response = await SendAsync(webhook);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await DecisionsOfAsync(702)).Single()["labels"]!.ToJsonString(), Is.EqualTo("""{"hoax":false,"abusive":true}"""), "labels the config does not offer are not judged");
    }

    [Test]
    public async Task Webhook_SkippedAnnotation_200IgnoredAndNothingStored()
    {
        var before = await SummaryAsync();

        using var response = await SendAsync(LabelStudioFixtures.Load("webhook-annotation-skipped.json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadObjectAsync())["status"]!.GetValue<string>(), Is.EqualTo("ignored"));
        Assert.That(await DecisionsOfAsync(502), Is.Empty);
        Assert.That((await SummaryAsync())["decisions"]!.GetValue<int>(), Is.EqualTo(before["decisions"]!.GetValue<int>()));
    }

    [Test]
    public async Task Webhook_OtherEvent_200Ignored()
    {
        using var response = await SendAsync(LabelStudioFixtures.Load("webhook-project-updated.json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadObjectAsync())["status"]!.GetValue<string>(), Is.EqualTo("ignored"));
    }

    [Test]
    public async Task Webhook_UnknownChoice_400NamingItAndNothingStored()
    {
        using var response = await SendAsync(LabelStudioFixtures.Webhook("webhook-annotation-created.json", 801, "hoax", "spam"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.ReadObjectAsync();
        Assert.That(problem["errors"]!["annotation.result"]![0]!.GetValue<string>(), Does.Contain("'spam'"), problem.ToJsonString());
        Assert.That(await DecisionsOfAsync(801), Is.Empty);
    }

    [Test]
    public async Task Webhook_TaskWithoutText_400NamingTheField()
    {
        var webhook = LabelStudioFixtures.Webhook("webhook-annotation-created.json", 802, "hoax");
        webhook["task"]!["data"] = new JsonObject { ["image"] = "foto.jpg" };

        using var response = await SendAsync(webhook);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(HttpTestExtensions.ErrorKeys(await response.ReadObjectAsync()), Is.EqualTo(new[] { "task.data.text" }));
    }

    [Test]
    public async Task Webhook_ChoicesUnderAnotherName_422SayingWhichNameIsRead()
    {
        var webhook = LabelStudioFixtures.Webhook("webhook-annotation-created.json", 803, "hoax");
        webhook["annotation"]!["result"]![0]!["from_name"] = "sentiment";

        using var response = await SendAsync(webhook);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await response.ReadObjectAsync())["detail"]!.GetValue<string>(), Does.Contain("'sentiment'").And.Contain("LabelStudio:FromName"));
        Assert.That(await DecisionsOfAsync(803), Is.Empty);
    }

    [TestCase("""{ "annotation": { "id": 1 } }""", "action")]
    [TestCase("""{ "action": "ANNOTATION_CREATED" }""", "annotation")]
    [TestCase("""{ "action": "ANNOTATION_CREATED", "annotation": { "id": 9, "result": [ { "from_name": "labels", "to_name": "text", "type": "choices", "value": { "choices": [ 1 ] } } ] }, "task": { "id": 1, "data": { "text": "halo" } } }""", "annotation.result")]
    public async Task Webhook_MalformedEvent_400NamingTheField(string body, string field)
    {
        using var response = await Client.PostRawAsync("/labelstudio/webhook", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(HttpTestExtensions.ErrorKeys(await response.ReadObjectAsync()), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Webhook_NotJson_400ProblemNot500()
    {
        using var response = await Client.PostRawAsync("/labelstudio/webhook", "{ \"action\": ");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(HttpTestExtensions.ProblemJson));
    }

    [Test]
    public async Task Webhook_AnnotatedText_NeverLoggedAboveTrace()
    {
        const string secret = "rahasia-ls-91c2: KTP lama tidak berlaku, sebarkan";
        var webhook = LabelStudioFixtures.Webhook("webhook-annotation-created.json", 901, "hoax");
        webhook["task"]!["data"]!["text"] = secret;
        var predict = new JsonObject { ["tasks"] = new JsonArray(new JsonObject { ["id"] = 1, ["data"] = new JsonObject { ["text"] = secret } }) };

        using var stored = await SendAsync(webhook);
        using var predicted = await Client.PostJsonNodeAsync("/labelstudio/predict", predict);

        Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(predicted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var leaks = _logs.Entries.Where(e => e.Level > LogLevel.Trace && (e.Message + string.Join(" ", e.Properties)).Contains("rahasia-ls-91c2", StringComparison.Ordinal));
        Assert.That(leaks.Select(e => $"{e.Category}: {e.Message}"), Is.Empty);
        Assert.That(_logs.Entries.Any(e => e.EventId == 1752), Is.True, "the stored annotation was logged, without its text");
    }
}

/// <summary>The webhook needs the feedback store: without Feedback:Path it answers 404 saying what to set.</summary>
[TestFixture]
public sealed class LabelStudioWithoutFeedbackTests : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => LabelStudioFixtures.Enabled();

    [Test]
    public async Task Webhook_FeedbackOff_404SayingToSetFeedbackPath()
    {
        using var response = await Client.PostJsonNodeAsync("/labelstudio/webhook", LabelStudioFixtures.Load("webhook-annotation-created.json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await response.ReadObjectAsync())["detail"]!.GetValue<string>(), Does.Contain("Feedback:Path"));
    }
}

/// <summary>The Swagger examples of the Label Studio routes run as they are (the webhook's on a service with a feedback store).</summary>
[TestFixture]
public sealed class LabelStudioSwaggerExampleTests : ApiFixture
{
    private static readonly Lazy<string> Store = new(() => Path.Combine(Directory.CreateTempSubdirectory("hoaxscreen-labelstudio-swagger-").FullName, "feedback.db"));

    protected override IReadOnlyDictionary<string, string?> Settings => LabelStudioFixtures.Enabled(Store.Value);

    [TestCase("/labelstudio/predict", "twoTasks", HttpStatusCode.OK)]
    [TestCase("/labelstudio/webhook", "annotationCreated", HttpStatusCode.Created)]
    [TestCase("/labelstudio/webhook", "annotationSkipped", HttpStatusCode.OK)]
    public async Task SwaggerExample_RunAsIs_AnswersAsDocumented(string path, string name, HttpStatusCode expected)
    {
        using var document = await Client.GetAsync("/swagger/v1/swagger.json");
        var example = (await document.ReadObjectAsync())["paths"]?[path]?["post"]?["requestBody"]?["content"]?["application/json"]?["examples"]?[name]?["value"];
        Assert.That(example, Is.Not.Null, $"{name} missing on {path}");

        using var response = await Client.PostJsonNodeAsync(path, example!.DeepClone());

        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
        if (name == "twoTasks")
        {
            var results = (await response.ReadObjectAsync())["results"]!.AsArray();
            Assert.That(results[0]!["result"]![0]!["value"]!["choices"]!.AsArray().Select(c => c!.GetValue<string>()), Does.Contain("hoax"));
            Assert.That(results[1]!["result"]!.AsArray(), Is.Empty);
        }
    }
}
