using System.Net;
using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Tests;

[TestFixture]
public sealed class SwaggerTests : ApiFixture
{
    private JsonObject _document = null!;

    [OneTimeSetUp]
    public async Task ReadFixtureData()
    {
        using var response = await Client.GetAsync("/swagger/v1/swagger.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _document = await response.ReadObjectAsync();
    }

    [TestCase("/v1/screen", "post", "ScreenPost")]
    [TestCase("/v1/screen/batch", "post", "ScreenBatch")]
    [TestCase("/v1/model", "get", "GetModel")]
    public void SwaggerJson_Always_ListsTheEndpointWithNameSummaryAndDescription(string path, string method, string operationId)
    {
        var operation = _document["paths"]?[path]?[method];

        Assert.That(operation, Is.Not.Null, $"{method} {path} missing");
        Assert.Multiple(() =>
        {
            Assert.That(operation!["operationId"]!.GetValue<string>(), Is.EqualTo(operationId));
            Assert.That(operation["summary"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(operation["description"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(operation["responses"]!.AsObject().ContainsKey("200"), Is.True);
        });
    }

    [TestCase("/v1/screen")]
    [TestCase("/v1/screen/batch")]
    public void SwaggerJson_ScreeningOperations_Document400ValidationProblems(string path)
    {
        var responses = _document["paths"]![path]!["post"]!["responses"]!.AsObject();

        Assert.That(responses.ContainsKey("400"), Is.True);
    }

    [Test]
    public void SwaggerJson_ReloadOperation_RequiresAJsonBodyAndDocumentsTheRefusals()
    {
        var operation = _document["paths"]!["/admin/model/reload"]!["post"]!;

        Assert.Multiple(() =>
        {
            Assert.That(operation["requestBody"]!["required"]?.GetValue<bool>(), Is.True);
            Assert.That(operation["requestBody"]!["content"]!.AsObject().Select(c => c.Key), Is.EqualTo(new[] { "application/json" }));
            Assert.That(operation["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "200", "400", "401", "403", "409", "415", "422", "429" }));
            Assert.That(operation["description"]!.GetValue<string>(), Does.Contain("only callers on this machine").And.Contain("`{}`"));
        });
    }

    [TestCase("/v1/claims/search", "post", "SearchClaims", "200")]
    [TestCase("/v1/claims/{id}", "get", "GetClaim", "200")]
    [TestCase("/admin/claims", "post", "ImportClaims", "200")]
    [TestCase("/admin/claims/{id}", "delete", "DeleteClaim", "204")]
    public void SwaggerJson_ClaimsOperation_NamedSummarisedDescribedWith404(string path, string method, string operationId, string success)
    {
        var operation = _document["paths"]?[path]?[method];

        Assert.That(operation, Is.Not.Null, $"{method} {path} missing");
        Assert.Multiple(() =>
        {
            Assert.That(operation!["operationId"]!.GetValue<string>(), Is.EqualTo(operationId));
            Assert.That(operation["summary"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(operation["description"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(operation["tags"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "Known claims" }));
            Assert.That(operation["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { success, "404" }));
        });
    }

    [Test]
    public void SwaggerJson_ImportOperation_DocumentsTheFileBodyByContentTypeAndTheFormatParameter()
    {
        var operation = _document["paths"]!["/admin/claims"]!["post"]!;
        var content = operation["requestBody"]!["content"]!.AsObject();
        var format = operation["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "format")!;

        Assert.Multiple(() =>
        {
            Assert.That(operation["requestBody"]!["required"]?.GetValue<bool>(), Is.True);
            Assert.That(content.Select(c => c.Key), Is.EqualTo(new[]
            {
                "text/csv", "application/x-ndjson", "application/jsonl", "application/ld+json", "application/json", "application/octet-stream",
            }));
            Assert.That(content["text/csv"]!["example"]!.GetValue<string>(), Does.StartWith("id,claim,verdict,url,publisher,published,text\n"));
            Assert.That(content["application/x-ndjson"]!["example"]!.GetValue<string>(), Does.Contain("\"claim\""));
            Assert.That(content["application/ld+json"]!["example"]!["@type"]!.GetValue<string>(), Is.EqualTo("ClaimReview"));
            Assert.That(format["in"]!.GetValue<string>(), Is.EqualTo("query"));
            Assert.That(format["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EqualTo(new[] { "csv", "jsonl", "claimreview", "google", "mafindo" }));
            Assert.That(operation["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "200", "400", "401", "403", "413", "415", "422" }));
        });
    }

    [Test]
    public void SwaggerJson_SearchOperation_HasAnIndonesianExampleAndTheTextLimit()
    {
        var examples = Examples("/v1/claims/search");
        var schema = _document["components"]!["schemas"]!["ClaimSearchRequest"]!;

        Assert.Multiple(() =>
        {
            Assert.That(examples.Select(e => e.Key), Is.EqualTo(new[] { "repeatedHoax" }));
            Assert.That(schema["properties"]!["text"]!["maxLength"]!.GetValue<int>(), Is.EqualTo(10_000));
            Assert.That(schema["properties"]!["top"]!["maximum"]!.GetValue<int>(), Is.EqualTo(20));
            Assert.That(schema["properties"]!["top"]!["default"]!.GetValue<int>(), Is.EqualTo(5));
        });
    }

    [Test]
    public void SwaggerJson_ScreenOperation_HasTheIndonesianExamples()
    {
        var examples = Examples("/v1/screen");

        Assert.Multiple(() =>
        {
            Assert.That(examples.Select(e => e.Key), Is.EquivalentTo(new[]
            {
                "whatsappHoax", "abusiveTweet", "cleanPost", "explainObfuscated", "asnSharesCampaign", "termListMatch",
            }));
            Assert.That(examples["whatsappHoax"]!["value"]!["text"]!.GetValue<string>(), Does.Contain("Sebarkan"));
            Assert.That(examples["abusiveTweet"]!["value"]!["text"]!.GetValue<string>(), Does.Contain("goblok"));
            Assert.That(examples["explainObfuscated"]!["value"]!["text"]!.GetValue<string>(), Does.Contain("a*jing").And.Contain("b4b1"));
            Assert.That(examples["explainObfuscated"]!["value"]!["explain"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public async Task SwaggerJson_ExplainExample_ReturnsExplanationsAsDocumented()
    {
        var example = Examples("/v1/screen")["explainObfuscated"]!["value"]!;
        var text = example["text"]!.GetValue<string>();

        using var response = await Client.PostJsonNodeAsync("/v1/screen", example.DeepClone());
        var body = await response.ReadObjectAsync();
        var flagged = body["labels"]!.AsObject().Where(l => l.Value!["flagged"]!.GetValue<bool>()).Select(l => l.Key).ToList();
        var words = body["explanations"]!.AsObject().SelectMany(e => e.Value!.AsArray()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body["explanations"]!.AsObject().Select(e => e.Key), Is.EqualTo(flagged));
            foreach (var word in words)
            {
                var start = word!["start"]!.GetValue<int>();
                var length = word["length"]!.GetValue<int>();
                Assert.That(word["text"]!.GetValue<string>(), Is.EqualTo(text.Substring(start, length)));
            }
        });
    }

    [Test]
    public void SwaggerJson_BatchExample_ExplainsOneItem()
    {
        var items = Examples("/v1/screen/batch")["mixedBatch"]!["value"]!["items"]!.AsArray();

        Assert.That(items.Select(i => i!["explain"]?.GetValue<bool>() ?? false), Is.EqualTo(new[] { false, true, false }));
    }

    [Test]
    public void SwaggerJson_AsnExample_ACivilServantSharingACampaignPost()
    {
        var example = Examples("/v1/screen")["asnSharesCampaign"]!["value"]!;

        Assert.Multiple(() =>
        {
            Assert.That(example["author"]!["role"]!.GetValue<string>(), Is.EqualTo("asn"));
            Assert.That(example["context"]!["action"]!.GetValue<string>(), Is.EqualTo("share"));
            Assert.That(example["text"]!.GetValue<string>(), Does.Contain("coblos nomor 2").And.Contain("Bima Santosa"));
        });
    }

    [Test]
    public void SwaggerJson_TermListMatchExample_SpellsListedTermsInDisguise()
    {
        var text = Examples("/v1/screen")["termListMatch"]!["value"]!["text"]!.GetValue<string>();

        Assert.That(text, Does.Contain("k a f i r").And.Contain("c3b0ng"));
    }

    [Test]
    public void SwaggerJson_ElectionBatchExample_HoldsTheAsnPostAsItsFirstItem()
    {
        var single = Examples("/v1/screen")["asnSharesCampaign"]!["value"]!;
        var items = Examples("/v1/screen/batch")["electionWatch"]!["value"]!["items"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(JsonNode.DeepEquals(items[0], single), Is.True, "the first item is the single-post ASN example");
            Assert.That(items.Select(i => i!["author"]!["role"]!.GetValue<string>()), Is.EqualTo(new[] { "asn", "public" }));
        });
    }

    [Test]
    public void SwaggerJson_PutTermListOperation_HasAListExampleOfEachKindAndNamesTheFirst()
    {
        var operation = _document["paths"]!["/admin/termlists/{name}"]!["put"]!;
        var examples = operation["requestBody"]!["content"]!["application/json"]!["examples"]!.AsObject();
        var name = operation["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "name")!;

        Assert.Multiple(() =>
        {
            Assert.That(examples.Select(e => e.Key), Is.EqualTo(new[] { "kandidat-sagara", "kata-kasar-lokal" }));
            Assert.That(examples["kandidat-sagara"]!["value"]!["flag"]!.GetValue<bool>(), Is.False);
            Assert.That(examples["kandidat-sagara"]!["value"]!["terms"]!.AsArray().Select(t => t!.GetValue<string>()), Does.Contain("Bima Santosa"));
            Assert.That(examples["kata-kasar-lokal"]!["value"]!["flag"]!.GetValue<bool>(), Is.True);
            Assert.That(name["example"]!.GetValue<string>(), Is.EqualTo("kandidat-sagara"));
        });
    }

    [Test]
    public async Task SwaggerJson_EveryRequestExample_RunsAsIs()
    {
        var examples = Examples("/v1/screen").Select(e => ("/v1/screen", e))
            .Concat(Examples("/v1/screen/batch").Select(e => ("/v1/screen/batch", e)))
            .ToList();
        Assert.That(examples, Has.Count.GreaterThanOrEqualTo(4));

        foreach (var (path, (name, example)) in examples)
        {
            using var response = await Client.PostJsonNodeAsync(path, example!["value"]!.DeepClone());
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{name}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [TestCase("ScreenRequest")]
    [TestCase("ScreenResponse")]
    [TestCase("LabelScore")]
    [TestCase("ExplainedWord")]
    [TestCase("ExplainedSpan")]
    [TestCase("KnownClaim")]
    [TestCase("BatchScreenRequest")]
    [TestCase("BatchScreenResponse")]
    [TestCase("ClaimSearchRequest")]
    [TestCase("ClaimSearchResponse")]
    [TestCase("FactCheckRecord")]
    [TestCase("ClaimImportResponse")]
    [TestCase("ModelInfoResponse")]
    [TestCase("ModelLabelInfo")]
    [TestCase("LabelMetricsInfo")]
    public void SwaggerJson_ContractSchema_DescribesEveryProperty(string schemaName)
    {
        var schema = _document["components"]?["schemas"]?[schemaName];

        Assert.That(schema, Is.Not.Null, schemaName);
        var undocumented = schema!["properties"]!.AsObject()
            .Where(p => string.IsNullOrWhiteSpace(p.Value?["description"]?.GetValue<string>()))
            .Select(p => p.Key);
        Assert.That(undocumented, Is.Empty);
    }

    [Test]
    public void SwaggerJson_RequestSchemas_CarryTheConfiguredLimits()
    {
        var schemas = _document["components"]!["schemas"]!;

        Assert.Multiple(() =>
        {
            Assert.That(schemas["ScreenRequest"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "text" }));
            Assert.That(schemas["ScreenRequest"]!["properties"]!["text"]!["maxLength"]!.GetValue<int>(), Is.EqualTo(10_000));
            Assert.That(schemas["ScreenRequest"]!["properties"]!["id"]!["maxLength"]!.GetValue<int>(), Is.EqualTo(128));
            Assert.That(schemas["BatchScreenRequest"]!["properties"]!["items"]!["minItems"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(schemas["BatchScreenRequest"]!["properties"]!["items"]!["maxItems"]!.GetValue<int>(), Is.EqualTo(256));
            Assert.That(schemas["ScreenRequest"]!["properties"]!["topWords"]!["minimum"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(schemas["ScreenRequest"]!["properties"]!["topWords"]!["maximum"]!.GetValue<int>(), Is.EqualTo(20));
            Assert.That(schemas["ScreenRequest"]!["properties"]!["topWords"]!["default"]!.GetValue<int>(), Is.EqualTo(5));
            Assert.That(schemas["ScreenRequest"]!["properties"]!["explain"]!["default"]!.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public async Task SwaggerUi_InProduction_ServesIndexPage()
    {
        using var response = await Client.GetAsync("/swagger/index.html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("swagger-ui"));
        });
    }

    private JsonObject Examples(string path) =>
        _document["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!.AsObject();
}

/// <summary>The schemas document the limits the service was configured with, not the defaults.</summary>
[TestFixture]
public sealed class SwaggerConfiguredLimitsTests : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Screening:MaxTextLength"] = "500",
        ["Screening:MaxIdLength"] = "7",
        ["Screening:MaxBatchSize"] = "10",
    };

    [Test]
    public async Task SwaggerJson_LoweredLimits_DocumentsTheConfiguredValues()
    {
        using var response = await Client.GetAsync("/swagger/v1/swagger.json");
        var schemas = (await response.ReadObjectAsync())["components"]!["schemas"]!;

        Assert.Multiple(() =>
        {
            Assert.That(schemas["ScreenRequest"]!["properties"]!["text"]!["maxLength"]!.GetValue<int>(), Is.EqualTo(500));
            Assert.That(schemas["ScreenRequest"]!["properties"]!["id"]!["maxLength"]!.GetValue<int>(), Is.EqualTo(7));
            Assert.That(schemas["ClaimSearchRequest"]!["properties"]!["text"]!["maxLength"]!.GetValue<int>(), Is.EqualTo(500));
            Assert.That(schemas["BatchScreenRequest"]!["properties"]!["items"]!["maxItems"]!.GetValue<int>(), Is.EqualTo(10));
        });
    }
}

/// <summary>The claims routes' Swagger examples run as they are on a service with the team's claims.</summary>
[TestFixture]
public sealed class SwaggerClaimExamplesTests : ApiFixture
{
    private readonly string _store = ClaimStores.CreateTeamStore();
    private JsonObject _document = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => ClaimStores.Settings(_store);

    [OneTimeSetUp]
    public async Task ReadFixtureData()
    {
        using var response = await Client.GetAsync("/swagger/v1/swagger.json");
        _document = await response.ReadObjectAsync();
    }

    [Test]
    public async Task SearchExample_RunAsIs_FindsTheRepeatedClaimAsAMatch()
    {
        var example = _document["paths"]!["/v1/claims/search"]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!["repeatedHoax"]!["value"]!;

        using var response = await Client.PostJsonNodeAsync("/v1/claims/search", example.DeepClone());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var best = (await response.ReadObjectAsync())["matches"]![0]!;
        Assert.That(best["decision"]!.GetValue<string>(), Is.EqualTo("match"));
    }

    [TestCase("text/csv", 2)]
    [TestCase("application/x-ndjson", 2)]
    [TestCase("application/ld+json", 1)]
    public async Task ImportExample_RunAsIs_ImportsItsRecords(string contentType, int records)
    {
        var example = _document["paths"]!["/admin/claims"]!["post"]!["requestBody"]!["content"]![contentType]!["example"]!;
        var body = example.GetValueKind() == System.Text.Json.JsonValueKind.String ? example.GetValue<string>() : example.ToJsonString();

        using var response = await Client.PostRawAsync("/admin/claims", body, contentType);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadObjectAsync())["read"]!.GetValue<int>(), Is.EqualTo(records));
    }
}
