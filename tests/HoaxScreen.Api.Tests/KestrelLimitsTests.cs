using System.Text;
using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// The limits as a real client meets them: over a Kestrel socket, with raw HTTP/1.1 so a test can declare a body it never
/// sends, send one that never ends, or send oversized headers.
/// </summary>
[TestFixture]
public sealed class KestrelLimitsTests : ApiFixture
{
    private const int BodyLimit = 8_192;

    protected override bool UseKestrel => true;

    private int Port => Client.BaseAddress!.Port;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Limits:MaxRequestBodyBytes"] = BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Limits:MaxRequestHeadersTotalBytes"] = "4096",
        ["Limits:MaxRequestHeaderCount"] = "20",
        ["Limits:MaxRequestLineBytes"] = "1024",
    };

    [Test]
    public async Task Screen_DeclaredLengthOverLimitBodyNeverSent_Returns413WithoutWaitingForIt()
    {
        // 100 MB declared, 1 KB sent, then silence: only a server that refuses before reading answers at all.
        var head = RawHttp.Head("POST", "/v1/screen", "Content-Type: application/json", "Content-Length: 100000000");

        var (status, headers, body) = await RawHttp.ExchangeAsync(Port, head + new string(' ', 1_024));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(413));
            Assert.That(headers, Does.Contain("application/problem+json"));
            Assert.That(JsonNode.Parse(body)!["detail"]!.GetValue<string>(), Does.Contain("8,192 bytes"));
        });
    }

    [Test]
    public async Task Screen_ChunkedBodyPastLimitThatNeverEnds_Returns413()
    {
        var head = RawHttp.Head("POST", "/v1/screen", "Content-Type: application/json", "Transfer-Encoding: chunked");
        var chunk = "{\"text\":\"" + new string('a', BodyLimit * 2);
        var chunked = $"{Encoding.UTF8.GetByteCount(chunk):x}\r\n{chunk}\r\n";

        var (status, headers, _) = await RawHttp.ExchangeAsync(Port, head + chunked);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(413));
            Assert.That(headers, Does.Contain("application/problem+json"));
        });
    }

    [Test]
    public async Task Screen_ChunkedBodyPastLimit_Returns413ProblemDetails()
    {
        var chunk = "{\"text\":\"" + new string('a', BodyLimit * 2) + "\"}";
        var request = RawHttp.Head("POST", "/v1/screen", "Content-Type: application/json", "Transfer-Encoding: chunked")
            + $"{Encoding.UTF8.GetByteCount(chunk):x}\r\n{chunk}\r\n0\r\n\r\n";

        var (status, headers, _) = await RawHttp.ExchangeAsync(Port, request);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(413));
            Assert.That(headers, Does.Contain("application/problem+json"));
        });
    }

    [Test]
    public async Task Screen_ValidPostOverSocket_ReturnsOk()
    {
        const string json = """{ "text": "halo semua" }""";
        var request = RawHttp.Head("POST", "/v1/screen", "Content-Type: application/json", $"Content-Length: {json.Length}") + json;

        var (status, _, body) = await RawHttp.ExchangeAsync(Port, request);

        Assert.That(status, Is.EqualTo(200), body);
    }

    [Test]
    public async Task AnyRequest_HeadersOverTotalLimit_Returns431()
    {
        var request = RawHttp.Head("GET", "/health/live", $"X-Padding: {new string('x', 6_000)}");

        var (status, _, _) = await RawHttp.ExchangeAsync(Port, request);

        Assert.That(status, Is.EqualTo(431));
    }

    [Test]
    public async Task AnyRequest_TooManyHeaders_Returns431()
    {
        var request = RawHttp.Head("GET", "/health/live", [.. Enumerable.Range(0, 30).Select(i => $"X-H{i}: {i}")]);

        var (status, _, _) = await RawHttp.ExchangeAsync(Port, request);

        Assert.That(status, Is.EqualTo(431));
    }

    [Test]
    public async Task AnyRequest_RequestLineOverLimit_Returns414()
    {
        var request = RawHttp.Head("GET", "/health/live?q=" + new string('q', 2_000));

        var (status, _, _) = await RawHttp.ExchangeAsync(Port, request);

        Assert.That(status, Is.EqualTo(414));
    }

    [Test]
    public async Task AnyResponse_ServerHeader_IsNotSent()
    {
        var (_, headers, _) = await RawHttp.ExchangeAsync(Port, RawHttp.Head("GET", "/health/live"));

        Assert.That(headers, Does.Not.Contain("Server:"));
    }
}
