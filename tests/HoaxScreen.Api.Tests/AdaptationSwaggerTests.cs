using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Tests;

/// <summary>Every adaptation route is named, summarised, described and tagged in Swagger, and the request shows an example.</summary>
[TestFixture]
public sealed class AdaptationSwaggerTests : ApiFixture
{
    private JsonObject _document = null!;

    [OneTimeSetUp]
    public async Task ReadSwagger()
    {
        using var response = await Client.GetAsync("/swagger/v1/swagger.json");
        _document = await response.ReadObjectAsync();
    }

    [TestCase("/admin/model/adapt", "post", "StartAdaptation", "202")]
    [TestCase("/admin/model/adapt/{job}", "get", "GetAdaptation", "200")]
    [TestCase("/admin/model/adapt/{job}/revert", "post", "RevertAdaptation", "200")]
    public void SwaggerJson_AdaptationOperation_NamedSummarisedDescribedAndTagged(string path, string method, string operationId, string success)
    {
        var operation = _document["paths"]?[path]?[method];

        Assert.That(operation, Is.Not.Null, $"{method} {path} is missing from swagger.json");
        Assert.Multiple(() =>
        {
            Assert.That(operation!["operationId"]!.GetValue<string>(), Is.EqualTo(operationId));
            Assert.That(operation["summary"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
            Assert.That(operation["description"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
            Assert.That(operation["tags"]!.AsArray().Select(t => t!.GetValue<string>()), Does.Contain("Administration"));
            Assert.That(operation["responses"]!.AsObject().Select(r => r.Key), Does.Contain(success).And.Contain("404"));
        });
    }

    [Test]
    public void SwaggerJson_AdaptRequest_ShowsAMethodAndFolderExample()
    {
        var properties = _document["components"]!["schemas"]!["AdaptRequest"]!["properties"]!;

        Assert.Multiple(() =>
        {
            Assert.That(properties["method"]!["example"]?.GetValue<string>(), Is.EqualTo("local"));
            Assert.That(properties["outFolder"]!["example"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
        });
    }
}
