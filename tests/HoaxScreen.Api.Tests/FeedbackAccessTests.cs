using System.Net;
using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Tests;

/// <summary>While <c>Feedback:Path</c> is not configured every feedback route answers 404 saying what to set.</summary>
[TestFixture]
public sealed class FeedbackOffTests : ApiFixture
{
    [TestCase("GET", "/v1/feedback/summary")]
    [TestCase("GET", "/admin/feedback")]
    [TestCase("GET", "/admin/feedback/export")]
    [TestCase("DELETE", "/admin/feedback/1")]
    public async Task FeedbackRoutes_FeedbackOff_404SayingWhatToConfigure(string method, string url)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await response.ReadObjectAsync())["detail"]!.GetValue<string>(), Does.Contain("Feedback:Path"));
    }

    [Test]
    public async Task Submit_FeedbackOff_404SayingWhatToConfigure()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/feedback", new JsonObject { ["text"] = "halo", ["labels"] = new JsonObject { ["hoax"] = false } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await response.ReadObjectAsync())["detail"]!.GetValue<string>(), Does.Contain("Feedback:Path"));
    }
}

/// <summary>With keys on: a screening key submits and reads the summary; listing, exporting and deleting need an admin key.</summary>
[TestFixture]
public sealed class FeedbackKeyTests : ApiFixture
{
    private static readonly Lazy<string> Store = new(() => Path.Combine(Directory.CreateTempSubdirectory("hoaxscreen-feedback-keys-").FullName, "feedback.db"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Feedback:Path"] = Store.Value,
        ["Security:RequireApiKeys"] = "true",
        ["Security:ApiKeys:0:Key"] = ApiKeyTests.ScreeningKey,
        ["Security:ApiKeys:0:Role"] = "screening",
        ["Security:ApiKeys:1:Key"] = ApiKeyTests.AdminKey,
        ["Security:ApiKeys:1:Role"] = "admin",
    };

    private async Task<HttpStatusCode> SendAsync(HttpMethod method, string url, string? key)
    {
        using var request = new HttpRequestMessage(method, url);
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent("""{ "text": "halo warga", "labels": { "hoax": false } }""", System.Text.Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await Client.SendAsync(request);
        return response.StatusCode;
    }

    [TestCase("POST", "/v1/feedback", ApiKeyTests.ScreeningKey, HttpStatusCode.Created)]
    [TestCase("POST", "/v1/feedback", ApiKeyTests.AdminKey, HttpStatusCode.Created)]
    [TestCase("POST", "/v1/feedback", null, HttpStatusCode.Unauthorized)]
    [TestCase("GET", "/v1/feedback/summary", ApiKeyTests.ScreeningKey, HttpStatusCode.OK)]
    [TestCase("GET", "/v1/feedback/summary", null, HttpStatusCode.Unauthorized)]
    [TestCase("GET", "/admin/feedback", ApiKeyTests.ScreeningKey, HttpStatusCode.Forbidden)]
    [TestCase("GET", "/admin/feedback", ApiKeyTests.AdminKey, HttpStatusCode.OK)]
    [TestCase("GET", "/admin/feedback/export", ApiKeyTests.ScreeningKey, HttpStatusCode.Forbidden)]
    [TestCase("GET", "/admin/feedback/export", ApiKeyTests.AdminKey, HttpStatusCode.OK)]
    [TestCase("DELETE", "/admin/feedback/999999", ApiKeyTests.ScreeningKey, HttpStatusCode.Forbidden)]
    [TestCase("DELETE", "/admin/feedback/999999", ApiKeyTests.AdminKey, HttpStatusCode.NotFound)]
    public async Task Route_Key_AnswersByRole(string method, string url, string? key, HttpStatusCode expected) =>
        Assert.That(await SendAsync(new HttpMethod(method), url, key), Is.EqualTo(expected));
}

/// <summary>Keys off, a caller elsewhere on the network: it may submit (as it may screen), but the admin routes answer only this machine.</summary>
[TestFixture]
public sealed class FeedbackRemoteCallerTests : ApiFixture
{
    private static readonly Lazy<string> Store = new(() => Path.Combine(Directory.CreateTempSubdirectory("hoaxscreen-feedback-remote-").FullName, "feedback.db"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Feedback:Path"] = Store.Value };

    protected override IPAddress InMemoryRemoteAddress => IPAddress.Parse("203.0.113.7");

    [Test]
    public async Task SubmitAndAdmin_KeysOffRemoteCaller_SubmitStoredAdminRefused()
    {
        using var submit = await Client.PostJsonNodeAsync("/v1/feedback", new JsonObject { ["text"] = "halo", ["labels"] = new JsonObject { ["hoax"] = false } });
        using var list = await Client.GetAsync("/admin/feedback");
        using var export = await Client.GetAsync("/admin/feedback/export");

        Assert.Multiple(async () =>
        {
            Assert.That(submit.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await list.ReadObjectAsync())["detail"]!.GetValue<string>(), Does.Contain("Security:ApiKeys"));
        });
    }
}

/// <summary>A retention outside 1..36,500 days stops the service at start-up with one clear message.</summary>
public sealed class FeedbackOptionsTests
{
    [TestCase("0")]
    [TestCase("36501")]
    public void Start_RetentionOutOfRange_RefusedNamingTheSetting(string days)
    {
        using var factory = new HoaxScreenFactory(new Dictionary<string, string?> { ["Feedback:RetentionDays"] = days });

        var refused = Assert.Catch(() => factory.CreateClient());

        Assert.That(refused!.ToString(), Does.Contain("Feedback:RetentionDays must be from 1 to 36500"));
    }
}
