using System.Net;
using System.Text.Json.Nodes;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Label Studio's predict, setup, health and train calls, with the request shapes it sends: predictions pre-select the
/// labels /v1/screen flags, in task order, with the model's version and probabilities.
/// </summary>
[TestFixture]
public sealed class LabelStudioPredictTests : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => LabelStudioFixtures.Enabled();

    private static async Task<JsonObject> ScreenAsync(HttpClient client, string text)
    {
        using var response = await client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = text });
        return await response.ReadObjectAsync();
    }

    private async Task<string> ModelVersionAsync() => (await (await Client.GetAsync("/v1/model")).ReadObjectAsync())["version"]!.GetValue<string>();

    [Test]
    public async Task Predict_DocumentedRequest_FlaggedLabelsAsChoicesInTaskOrder()
    {
        var request = LabelStudioFixtures.Load("predict-request.json");
        var texts = request["tasks"]!.AsArray().Select(t => t!["data"]!["text"]!.GetValue<string>()).ToList();

        using var response = await Client.PostJsonNodeAsync("/labelstudio/predict", request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.ReadObjectAsync();
        var results = body["results"]!.AsArray();
        Assert.That(results, Has.Count.EqualTo(texts.Count));
        for (var i = 0; i < texts.Count; i++)
        {
            var screened = await ScreenAsync(Client, texts[i]);
            var labels = screened["labels"]!.AsObject();
            var flagged = labels.Where(l => l.Value!["flagged"]!.GetValue<bool>()).Select(l => l.Key).ToList();
            var prediction = results[i]!.AsObject();
            var regions = prediction["result"]!.AsArray();
            Assert.Multiple(() =>
            {
                Assert.That(prediction["model_version"]!.GetValue<string>(), Is.EqualTo(screened["model"]!.GetValue<string>()), $"task {i}");
                Assert.That(prediction["score"]!.GetValue<double>(), Is.EqualTo(labels.Max(l => l.Value!["score"]!.GetValue<double>())).Within(1e-4), $"task {i}: the highest probability");
                if (flagged.Count == 0)
                {
                    Assert.That(regions, Is.Empty, $"task {i}: nothing flagged, nothing pre-selected");
                    return;
                }

                var region = regions.Single()!;
                Assert.That(region["from_name"]!.GetValue<string>(), Is.EqualTo("labels"));
                Assert.That(region["to_name"]!.GetValue<string>(), Is.EqualTo("text"));
                Assert.That(region["type"]!.GetValue<string>(), Is.EqualTo("choices"));
                Assert.That(region["value"]!["choices"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(flagged), $"task {i}");
                Assert.That(region["scores"]!.AsObject().Select(s => s.Key), Is.EqualTo(ShippedLabels.All), $"task {i}: every label's probability");
                Assert.That(region["scores"]!["hoax"]!.GetValue<double>(), Is.EqualTo(labels["hoax"]!["score"]!.GetValue<double>()).Within(1e-4));
            });
        }

        var version = await ModelVersionAsync();
        Assert.Multiple(() =>
        {
            Assert.That(body["model_version"]!.GetValue<string>(), Is.EqualTo(version));
            Assert.That(results[0]!["result"]!.AsArray().Single()!["value"]!["choices"]!.AsArray().Select(c => c!.GetValue<string>()), Does.Contain("hoax"), "the WhatsApp chain message");
            Assert.That(results[1]!["result"]!.AsArray(), Is.Empty, "the polling-station notice");
        });
    }

    [Test]
    public async Task Predict_OtherNames_UsesTheConfiguredFromToAndTextField()
    {
        using var factory = new HoaxScreenFactory(new Dictionary<string, string?>
        {
            ["LabelStudio:Enabled"] = "true", ["LabelStudio:FromName"] = "kategori", ["LabelStudio:ToName"] = "unggahan", ["LabelStudio:TextField"] = "isi",
        });
        using var client = factory.CreateClient();
        var body = new JsonObject { ["tasks"] = new JsonArray(new JsonObject { ["id"] = 7, ["data"] = new JsonObject { ["isi"] = "dasar goblok lu, bacot doang anjing" } }) };

        using var response = await client.PostJsonNodeAsync("/labelstudio/predict", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var region = (await response.ReadObjectAsync())["results"]![0]!["result"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(region["from_name"]!.GetValue<string>(), Is.EqualTo("kategori"));
            Assert.That(region["to_name"]!.GetValue<string>(), Is.EqualTo("unggahan"));
            Assert.That(region["value"]!["choices"]!.AsArray().Select(c => c!.GetValue<string>()), Does.Contain("abusive"));
        });
    }

    [Test]
    public async Task Predict_ConfigWithoutAFlaggedLabel_PreSelectsOnlyTheOfferedOnes()
    {
        const string abusive = "@warganet2024 dasar goblok lu, otak udang bgt sih! bacot doang, mending diem aja anjing 😡";
        var body = new JsonObject
        {
            ["tasks"] = new JsonArray(new JsonObject { ["id"] = 1, ["data"] = new JsonObject { ["text"] = abusive } }),
            ["label_config"] = """<View><Text name="text" value="$text"/><Choices name="labels" toName="text"><Choice value="hoax"/><Choice value="abusive"/></Choices></View>""",
        };

        using var response = await Client.PostJsonNodeAsync("/labelstudio/predict", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var region = (await response.ReadObjectAsync())["results"]![0]!["result"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(region["value"]!["choices"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "abusive" }), "hate_speech is flagged too, but not offered");
            Assert.That(region["scores"]!["hate_speech"]!.GetValue<double>(), Is.GreaterThan(0.5), "every label's probability is still given");
        });
    }

    [TestCase("""{ "tasks": [ { "id": 1, "data": { "image": "x.jpg" } } ] }""", "tasks[0]", "no 'text' field")]
    [TestCase("""{ "tasks": [ { "id": 1, "data": { "text": 42 } } ] }""", "tasks[0]", "must be a string")]
    [TestCase("""{ "tasks": [ { "id": 1 } ] }""", "tasks[0]", "needs data")]
    [TestCase("""{ "tasks": [ { "id": 1, "data": { "text": "ok" } }, { "id": 2, "data": { "text": "   " } } ] }""", "tasks[1].data.text", "must not be blank")]
    [TestCase("""{ "tasks": [] }""", "tasks", "at least one task")]
    [TestCase("""{ "project": "3.1" }""", "tasks", "tasks is required")]
    public async Task Predict_TaskWithoutText_400NamingTheTask(string body, string field, string message)
    {
        using var response = await Client.PostRawAsync("/labelstudio/predict", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.ReadObjectAsync();
        Assert.That(problem["errors"]![field]![0]!.GetValue<string>(), Does.Contain(message), problem.ToJsonString());
    }

    [TestCase("{ \"tasks\": [ { \"id\": 1, \"data\": { \"text\": \"a\" ")]
    [TestCase("[1, 2]")]
    [TestCase("""{ "tasks": { "id": 1 } }""")]
    public async Task Predict_MalformedBody_400ProblemNot500(string body)
    {
        using var response = await Client.PostRawAsync("/labelstudio/predict", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(HttpTestExtensions.ProblemJson));
    }

    [Test]
    public async Task Setup_DocumentedRequest_AnswersTheModelVersion()
    {
        using var response = await Client.PostJsonNodeAsync("/labelstudio/setup", LabelStudioFixtures.Load("setup-request.json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.ReadObjectAsync())["model_version"]!.GetValue<string>(), Is.EqualTo(await ModelVersionAsync()));
    }

    [TestCase("/labelstudio/health")]
    [TestCase("/labelstudio/")]
    [TestCase("/labelstudio")]
    public async Task Health_Enabled_UpWithTheModelVersion(string url)
    {
        using var response = await Client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.ReadObjectAsync();
        Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("UP"));
        Assert.That(body["model_version"]!.GetValue<string>(), Is.EqualTo(await ModelVersionAsync()));
    }

    [Test]
    public async Task Train_Called_409SayingToUseAdapt()
    {
        using var response = await Client.PostRawAsync("/labelstudio/train", """{ "annotations": [], "project": 3 }""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await response.ReadObjectAsync())["detail"]!.GetValue<string>(), Does.Contain("adapt"));
    }

    [TestCase("/labelstudio/health", "get", "LabelStudioHealth")]
    [TestCase("/labelstudio/setup", "post", "LabelStudioSetup")]
    [TestCase("/labelstudio/predict", "post", "LabelStudioPredict")]
    [TestCase("/labelstudio/webhook", "post", "LabelStudioWebhook")]
    [TestCase("/labelstudio/train", "post", "LabelStudioTrain")]
    public async Task SwaggerJson_LabelStudioOperation_NamedSummarisedDescribed(string path, string method, string operationId)
    {
        using var document = await Client.GetAsync("/swagger/v1/swagger.json");
        var operation = (await document.ReadObjectAsync())["paths"]?[path]?[method];

        Assert.That(operation, Is.Not.Null, $"{method} {path} missing");
        Assert.Multiple(() =>
        {
            Assert.That(operation!["operationId"]!.GetValue<string>(), Is.EqualTo(operationId));
            Assert.That(operation["summary"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(operation["description"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(operation["tags"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "Label Studio ML backend" }));
        });
    }
}
