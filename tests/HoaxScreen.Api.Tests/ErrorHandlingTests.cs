using System.Net;

namespace HoaxScreen.Api.Tests;

/// <summary>Bad input of every kind answers 4xx problem details, never a 500.</summary>
[TestFixture]
public sealed class ErrorHandlingTests : ApiFixture
{

    [TestCase("/v1/screen", """{ "text": "halo" """, TestName = "Screen_TruncatedJson_Returns400ProblemDetails")]
    [TestCase("/v1/screen", "text=halo", TestName = "Screen_NotJson_Returns400ProblemDetails")]
    [TestCase("/v1/screen/batch", """{ "items": [ { "text": "halo" } ,, ] }""", TestName = "ScreenBatch_MalformedJson_Returns400ProblemDetails")]
    public async Task Post_MalformedJson_Returns400ProblemDetails(string url, string body)
    {
        using var response = await Client.PostRawAsync(url, body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("JSON"));
    }

    [TestCase("/v1/screen", """{ "text": 42 }""", "text", TestName = "Screen_NumberForText_Returns400NamingTheField")]
    [TestCase("/v1/screen", """{ "text": ["a"] }""", "text", TestName = "Screen_ArrayForText_Returns400NamingTheField")]
    [TestCase("/v1/screen/batch", """{ "items": "halo" }""", "items", TestName = "ScreenBatch_StringForItems_Returns400NamingTheField")]
    public async Task Post_WrongJsonType_Returns400ProblemDetails(string url, string body, string field)
    {
        using var response = await Client.PostRawAsync(url, body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { field }));
    }

    [TestCase("")]
    [TestCase("null")]
    public async Task Screen_MissingBody_Returns400ProblemDetails(string body)
    {
        using var response = await Client.PostRawAsync("/v1/screen", body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    public async Task Screen_WrongContentType_Returns415ProblemDetails(string contentType)
    {
        using var response = await Client.PostRawAsync("/v1/screen", """{ "text": "halo" }""", contentType);

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("application/json"));
    }

    [Test]
    public async Task UnknownRoute_Always_Returns404ProblemDetails()
    {
        using var response = await Client.GetAsync("/v1/does-not-exist");

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Screen_GetInsteadOfPost_Returns405ProblemDetails()
    {
        using var response = await Client.GetAsync("/v1/screen");

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.ReadObjectAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected), problem.ToJsonString());
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(HttpTestExtensions.ProblemJson));
            Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo((int)expected));
            Assert.That(problem["title"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(problem["type"]!.GetValue<string>(), Does.StartWith("https://"));
        });
        return problem;
    }
}
