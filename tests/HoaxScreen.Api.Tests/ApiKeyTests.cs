using System.Net;
using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Tests;

/// <summary>With keys configured: screening endpoints need a screening or admin key, admin endpoints an admin key; health and Swagger stay open.</summary>
[TestFixture]
public sealed class ApiKeyTests : ApiFixture
{
    internal const string ScreeningKey = "screening-key-0123456789";
    internal const string AdminKey = "admin-key-0123456789abcdef";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:RequireApiKeys"] = "true",
        ["Security:ApiKeys:0:Name"] = "moderation-tool",
        ["Security:ApiKeys:0:Key"] = ScreeningKey,
        ["Security:ApiKeys:0:Role"] = "screening",
        ["Security:ApiKeys:1:Key"] = AdminKey,
        ["Security:ApiKeys:1:Role"] = "admin",
    };

    [TestCase("/v1/screen")]
    [TestCase("/v1/screen/batch")]
    [TestCase("/admin/model/reload")]
    public async Task Post_NoKey_Returns401ProblemWithChallenge(string url)
    {
        using var response = await SendAsync(HttpMethod.Post, url, key: null);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("X-Api-Key"));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("X-Api-Key"));
        });
    }

    [Test]
    public async Task GetModel_NoKey_Returns401()
    {
        using var response = await SendAsync(HttpMethod.Get, "/v1/model", key: null);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestCase("wrong-key-0123456789abcdef")]
    [TestCase("screening-key-012345678")]
    [TestCase("screening-key-01234567890")]
    [TestCase("SCREENING-KEY-0123456789")]
    [TestCase(" screening-key-0123456789")]
    [TestCase("")]
    public async Task Screen_WrongKey_Returns401SayingTheKeyIsInvalid(string key)
    {
        using var response = await SendAsync(HttpMethod.Post, "/v1/screen", key);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("X-Api-Key"));
    }

    [Test]
    public async Task Screen_TwoKeyHeaders_Returns401()
    {
        using var request = Request(HttpMethod.Post, "/v1/screen", ScreeningKey);
        request.Headers.TryAddWithoutValidation("X-Api-Key", AdminKey);

        using var response = await Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestCase(ScreeningKey)]
    [TestCase(AdminKey)]
    public async Task Screen_ScreeningOrAdminKey_ReturnsOk(string key)
    {
        using var response = await SendAsync(HttpMethod.Post, "/v1/screen", key);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCase(ScreeningKey)]
    [TestCase(AdminKey)]
    public async Task GetModel_ScreeningOrAdminKey_ReturnsOk(string key)
    {
        using var response = await SendAsync(HttpMethod.Get, "/v1/model", key);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ScreenBatch_ScreeningKey_ReturnsOk()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/screen/batch")
        {
            Content = new StringContent("""{ "items": [ { "text": "halo" } ] }""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", ScreeningKey);

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ReloadModel_ScreeningKey_Returns403NamingTheKey()
    {
        using var response = await SendAsync(HttpMethod.Post, "/admin/model/reload", ScreeningKey, body: "{}");

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("moderation-tool").And.Contain("admin"));
    }

    [Test]
    public async Task ReloadModel_AdminKey_ReloadsTheConfiguredBundle()
    {
        using var response = await SendAsync(HttpMethod.Post, "/admin/model/reload", AdminKey, body: "{}");
        var body = await response.ReadObjectAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(body["model"]!.GetValue<string>(), Is.EqualTo(body["previousModel"]!.GetValue<string>()));
        });
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    [TestCase("/swagger/v1/swagger.json")]
    [TestCase("/swagger/index.html")]
    public async Task OpenEndpoint_NoKey_ReturnsOk(string url)
    {
        using var response = await Client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task SwaggerJson_KeysOn_DescribesTheApiKeyScheme()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var scheme = document["components"]?["securitySchemes"]?["ApiKey"];

        Assert.Multiple(() =>
        {
            Assert.That(scheme?["type"]?.GetValue<string>(), Is.EqualTo("apiKey"));
            Assert.That(scheme?["name"]?.GetValue<string>(), Is.EqualTo("X-Api-Key"));
            Assert.That(scheme?["in"]?.GetValue<string>(), Is.EqualTo("header"));
            Assert.That(document["paths"]!["/v1/screen"]!["post"]!["security"], Is.Not.Null);
            Assert.That(document["paths"]!["/admin/model/reload"]!["post"]!["security"], Is.Not.Null);
            Assert.That(document["paths"]?["/health/live"]?["get"]?["security"], Is.Null);
        });
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? key, string? body = """{ "text": "halo semua" }""")
    {
        var request = Request(method, url, key);
        if (method != HttpMethod.Get && body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        return Client.SendAsync(request);
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, string? key)
    {
        var request = new HttpRequestMessage(method, url);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        }

        return request;
    }

    internal static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
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
