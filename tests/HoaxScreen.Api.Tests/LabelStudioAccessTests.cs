using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace HoaxScreen.Api.Tests;

/// <summary>While LabelStudio:Enabled is not set, every Label Studio route answers 404 saying how to turn it on.</summary>
[TestFixture]
public sealed class LabelStudioOffTests : ApiFixture
{
    [TestCase("GET", "/labelstudio/health")]
    [TestCase("GET", "/labelstudio/")]
    [TestCase("POST", "/labelstudio/setup")]
    [TestCase("POST", "/labelstudio/predict")]
    [TestCase("POST", "/labelstudio/webhook")]
    [TestCase("POST", "/labelstudio/train")]
    public async Task LabelStudioRoute_Disabled_404SayingHowToEnable(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = new StringContent(File.ReadAllText(LabelStudioFixtures.PathOf("predict-request.json")), Encoding.UTF8, "application/json");
        }

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await response.ReadObjectAsync())["detail"]!.GetValue<string>(), Does.Contain("LabelStudio:Enabled"));
    }

    [TestCase("LabelStudio:FromName", "")]
    [TestCase("LabelStudio:ToName", "my text")]
    [TestCase("LabelStudio:TextField", "te\"xt")]
    public void Start_BadName_RefusedNamingTheSetting(string key, string value)
    {
        using var factory = new HoaxScreenFactory(new Dictionary<string, string?> { ["LabelStudio:Enabled"] = "true", [key] = value });

        var refused = Assert.Catch(() => factory.CreateClient());

        Assert.That(refused!.ToString(), Does.Contain(key));
    }
}

/// <summary>
/// With keys on the Label Studio routes need a screening (or admin) key, sent as Label Studio can: the X-Api-Key header
/// (a webhook's custom header) or the password of HTTP Basic auth (the ML backend's connection settings).
/// </summary>
[TestFixture]
public sealed class LabelStudioKeyTests : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["LabelStudio:Enabled"] = "true",
        ["Security:RequireApiKeys"] = "true",
        ["Security:ApiKeys:0:Key"] = ApiKeyTests.ScreeningKey,
        ["Security:ApiKeys:0:Role"] = "screening",
    };

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private async Task<HttpStatusCode> PredictAsync(Action<HttpRequestMessage> authenticate)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/labelstudio/predict")
        {
            Content = new StringContent(File.ReadAllText(LabelStudioFixtures.PathOf("predict-request.json")), Encoding.UTF8, "application/json"),
        };
        authenticate(request);
        using var response = await Client.SendAsync(request);
        return response.StatusCode;
    }

    [Test]
    public async Task Predict_NoKey_401() =>
        Assert.That(await PredictAsync(_ => { }), Is.EqualTo(HttpStatusCode.Unauthorized));

    [Test]
    public async Task Health_NoKey_401()
    {
        using var response = await Client.GetAsync("/labelstudio/health");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Predict_KeyInHeader_200() =>
        Assert.That(await PredictAsync(r => r.Headers.Add("X-Api-Key", ApiKeyTests.ScreeningKey)), Is.EqualTo(HttpStatusCode.OK));

    [Test]
    public async Task Predict_KeyAsBasicAuthPassword_200() =>
        Assert.That(await PredictAsync(r => r.Headers.Authorization = Basic("labelstudio", ApiKeyTests.ScreeningKey)), Is.EqualTo(HttpStatusCode.OK));

    [TestCase("labelstudio", "salah-kunci")]
    [TestCase(ApiKeyTests.ScreeningKey, "")]
    public async Task Predict_WrongBasicAuth_401(string user, string password) =>
        Assert.That(await PredictAsync(r => r.Headers.Authorization = Basic(user, password)), Is.EqualTo(HttpStatusCode.Unauthorized));

    [Test]
    public async Task Screen_KeyAsBasicAuthPassword_StillNeedsTheHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/screen")
        {
            Content = new StringContent("""{ "text": "halo warga" }""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = Basic("labelstudio", ApiKeyTests.ScreeningKey);

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "Basic auth is read on /labelstudio only");
    }
}
