using System.Net;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// The concurrent-scoring cap, over real sockets: with one slot and no queue, a request holding the slot (its body still
/// arriving) makes the next one 503 with Retry-After; once it finishes, scoring is served again.
/// </summary>
[TestFixture]
public sealed class ScoringCapacityTests : ApiFixture
{
    protected override bool UseKestrel => true;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Limits:MaxConcurrentScoring"] = "1",
        ["Limits:ScoringQueueLimit"] = "0",
    };

    [Test]
    public async Task Screen_AllSlotsBusyAndQueueFull_Returns503WithRetryAfterThenRecovers()
    {
        const string json = """{ "text": "halo semua" }""";
        async Task<RawHttp.Connection> HoldAsync()
        {
            var connection = await RawHttp.ConnectAsync(Client.BaseAddress!.Port);
            await connection.SendAsync(RawHttp.Head("POST", "/v1/screen", "Content-Type: application/json", $"Content-Length: {json.Length}") + json[..5]);
            return connection;
        }

        var holder = await HoldAsync();

        // The held request takes the only slot once it reaches the limiter; until then a probe may still get through,
        // and a probe that holds the slot when the held request arrives makes *it* the one refused: then hold again.
        HttpResponseMessage? rejected = null;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (rejected is null && DateTime.UtcNow < deadline)
        {
            var probe = await Client.PostRawAsync("/v1/screen", json);
            if (probe.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                rejected = probe;
            }
            else
            {
                probe.Dispose();
                if (holder.HasAnswered)
                {
                    holder.Dispose();
                    holder = await HoldAsync();
                }

                await Task.Delay(20);
            }
        }

        Assert.That(rejected, Is.Not.Null, "no request was refused while the only scoring slot was held");
        using (rejected)
        {
            var problem = await ApiKeyTests.AssertProblemAsync(rejected!, HttpStatusCode.ServiceUnavailable);
            Assert.Multiple(() =>
            {
                Assert.That(rejected!.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
                Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("1 at once"));
            });
        }

        // GET /v1/model is not scoring work: never capped.
        using (var model = await Client.GetAsync("/v1/model"))
        {
            Assert.That(model.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await holder.SendAsync(json[5..]);
        var (status, _, body) = await holder.ReadResponseAsync(TimeSpan.FromSeconds(10));
        holder.Dispose();
        using var after = await Client.PostRawAsync("/v1/screen", json);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(200), body);
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}

/// <summary>A request that does not finish within <c>Limits:RequestTimeoutSeconds</c> is answered 503 problem details.</summary>
[TestFixture]
public sealed class RequestTimeoutTests : ApiFixture
{
    protected override bool UseKestrel => true;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Limits:RequestTimeoutSeconds"] = "1",
    };

    [Test]
    public async Task Screen_BodyStallsPastTheTimeout_Returns503ProblemDetails()
    {
        using var connection = await RawHttp.ConnectAsync(Client.BaseAddress!.Port);
        await connection.SendAsync(RawHttp.Head("POST", "/v1/screen", "Content-Type: application/json", "Content-Length: 100") + "{ \"text\": \"ha");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (status, headers, body) = await connection.ReadResponseAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(503), body);
            Assert.That(headers, Does.Contain("application/problem+json"));
            Assert.That(body, Does.Contain("within 1 s"));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(8)));
        });
    }
}
