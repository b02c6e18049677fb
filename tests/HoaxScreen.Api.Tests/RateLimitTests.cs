using System.Net;

namespace HoaxScreen.Api.Tests;

/// <summary>With keys on, each key has its own fixed window; a caller over it gets 429 problem details with Retry-After.</summary>
[TestFixture]
public sealed class RateLimitPerKeyTests : ApiFixture
{
    private const string KeyA = "rate-key-a-0123456789abcdef";
    private const string KeyB = "rate-key-b-0123456789abcdef";
    private const int Permits = 3;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:ApiKeys:0:Key"] = KeyA,
        ["Security:ApiKeys:0:Role"] = "screening",
        ["Security:ApiKeys:1:Key"] = KeyB,
        ["Security:ApiKeys:1:Role"] = "screening",
        ["RateLimits:PermitLimit"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:WindowSeconds"] = "3600",
    };

    [Test]
    public async Task Screen_KeyOverItsLimit_Returns429WithRetryAfterWhileOtherKeyIsServed()
    {
        for (var i = 0; i < Permits; i++)
        {
            using var allowed = await ScreenAsync(KeyA);
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"request {i + 1} of {Permits}");
        }

        using var limited = await ScreenAsync(KeyA);
        var problem = await ApiKeyTests.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        using var other = await ScreenAsync(KeyB);

        Assert.Multiple(() =>
        {
            Assert.That(limited.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 3600));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain($"at most {Permits} per 3600 s"));
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another key has its own window");
        });
    }

    [Test]
    public async Task Health_ManyRequests_IsNeverRateLimited()
    {
        for (var i = 0; i < Permits * 3; i++)
        {
            using var response = await Client.GetAsync("/health/ready");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    private Task<HttpResponseMessage> ScreenAsync(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/screen")
        {
            Content = new StringContent("""{ "text": "halo" }""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", key);
        return Client.SendAsync(request);
    }
}

/// <summary>With keys off, the window is per client address.</summary>
[TestFixture]
public sealed class RateLimitPerAddressTests : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:PermitLimit"] = "2",
        ["RateLimits:WindowSeconds"] = "600",
    };

    [Test]
    public async Task GetModel_AddressOverItsLimit_Returns429ProblemWithRetryAfter()
    {
        using var first = await Client.GetAsync("/v1/model");
        using var second = await Client.GetAsync("/v1/model");
        using var third = await Client.GetAsync("/v1/model");

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
        await ApiKeyTests.AssertProblemAsync(third, HttpStatusCode.TooManyRequests);
        Assert.That(third.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 600));
    }
}
