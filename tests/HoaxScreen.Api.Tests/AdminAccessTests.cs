using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Api.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Closed by default: with no API keys configured, <c>/admin</c> answers only callers on this machine (the connection's
/// address, never a forwarding header), and every admin change needs a JSON body, so a web page elsewhere cannot make a
/// browser reload the model. With keys on, the key decides, wherever the caller is.
/// </summary>
public static class AdminAccessTests
{
    private const string Reload = "/admin/model/reload";

    /// <summary>TEST-NET-3 (RFC 5737): an address of another machine that no test machine has.</summary>
    private static readonly IPAddress Elsewhere = IPAddress.Parse("203.0.113.7");

    private static void AssertRefusedAsRemote(JsonObject problem)
    {
        var detail = problem["detail"]!.GetValue<string>();
        Assert.That(detail, Does.Contain("only to this machine").And.Contain("Security:ApiKeys").And.Contain("X-Api-Key"));
    }

    [TestCase("127.0.0.1", true)]
    [TestCase("127.10.20.30", true)]
    [TestCase("::1", true)]
    [TestCase("::ffff:127.0.0.1", true)]
    [TestCase("192.0.2.2", false)]
    [TestCase("10.0.0.1", false)]
    [TestCase("::ffff:192.0.2.2", false)]
    [TestCase("0.0.0.0", false)]
    [TestCase("::", false)]
    [TestCase("fe80::1", false)]
    public static void IsLoopback_Address_IsLocalOnlyForLoopback(string address, bool expected) =>
        Assert.That(LocalAdminRequirement.IsLoopback(IPAddress.Parse(address)), Is.EqualTo(expected));

    /// <summary>Keys off, the caller on this machine (loopback).</summary>
    [TestFixture]
    public sealed class KeysOffFromThisMachine : ApiFixture
    {
        private readonly CapturingLoggerProvider _logs = new();

        protected override ILoggerProvider LoggerProvider => _logs;

        private DateTimeOffset LoadedAt => Factory.Services.GetRequiredService<ModelHolder>().Current.LoadedAt;

        [Test]
        public async Task Reload_EmptyJsonObject_ReloadsTheConfiguredBundle()
        {
            using var response = await Client.PostRawAsync(Reload, "{}");
            var body = await response.ReadObjectAsync();

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
                Assert.That(body["model"]!.GetValue<string>(), Is.EqualTo(body["previousModel"]!.GetValue<string>()));
            });
        }

        /// <summary>What a page elsewhere can make a browser send without asking: no body, or a form.</summary>
        [TestCase(null, null, TestName = "Reload_BodylessPost_Returns415AndDoesNotReload")]
        [TestCase("", "application/json", TestName = "Reload_JsonContentTypeWithoutBody_Returns415AndDoesNotReload")]
        [TestCase("path=b", "application/x-www-form-urlencoded", TestName = "Reload_FormPost_Returns415AndDoesNotReload")]
        [TestCase("{}", "text/plain", TestName = "Reload_JsonAsTextPlain_Returns415AndDoesNotReload")]
        public async Task Reload_WithoutJsonBody_Returns415AndDoesNotReload(string? body, string? contentType)
        {
            var before = LoadedAt;
            using var request = new HttpRequestMessage(HttpMethod.Post, Reload);
            if (body is not null)
            {
                request.Content = new StringContent(body);
                request.Content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            }

            using var response = await Client.SendAsync(request);
            var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);

            Assert.Multiple(() =>
            {
                Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("application/json"));
                Assert.That(LoadedAt, Is.EqualTo(before), "the model was not reloaded");
            });
        }

        [Test]
        public void Start_NoKeys_LogsAWarningThatAdminIsLocalOnly()
        {
            var warnings = _logs.Entries.Where(e => e.EventId == 1400).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(warnings, Has.Count.EqualTo(1));
                Assert.That(warnings[0].Level, Is.EqualTo(LogLevel.Warning));
                Assert.That(warnings[0].Message, Does.Contain("Security:ApiKeys").And.Contain("loopback"));
            });
        }
    }

    /// <summary>Keys off, the caller on another machine.</summary>
    [TestFixture]
    public sealed class KeysOffFromElsewhere : ApiFixture
    {
        protected override IPAddress InMemoryRemoteAddress => Elsewhere;

        private DateTimeOffset LoadedAt => Factory.Services.GetRequiredService<ModelHolder>().Current.LoadedAt;

        [Test]
        public async Task Reload_FromAnotherMachine_Returns403NamingTheSettingAndDoesNotReload()
        {
            var before = LoadedAt;

            using var response = await Client.PostRawAsync(Reload, "{}");
            var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.Forbidden);

            Assert.Multiple(() =>
            {
                AssertRefusedAsRemote(problem);
                Assert.That(response.Headers.WwwAuthenticate, Is.Empty, "no key is asked for: none would be accepted");
                Assert.That(LoadedAt, Is.EqualTo(before));
            });
        }

        [TestCase("X-Forwarded-For", "127.0.0.1")]
        [TestCase("Forwarded", "for=127.0.0.1")]
        [TestCase("X-Real-IP", "::1")]
        public async Task Reload_ForwardingHeaderClaimingLoopback_Returns403(string header, string value)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Reload) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation(header, value);

            using var response = await Client.SendAsync(request);

            AssertRefusedAsRemote(await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.Forbidden));
        }

        [Test]
        public async Task Reload_BodylessFromAnotherMachine_Returns403BeforeLookingAtTheBody()
        {
            using var response = await Client.PostAsync(Reload, content: null);

            AssertRefusedAsRemote(await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.Forbidden));
        }

        [Test]
        public async Task Screen_FromAnotherMachine_StaysOpenWithoutKeys()
        {
            using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = "halo semua" });

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    /// <summary>Keys off, a request with no remote address at all (the in-memory server's own): not this machine.</summary>
    [TestFixture]
    public sealed class KeysOffWithoutRemoteAddress : ApiFixture
    {
        protected override IPAddress? InMemoryRemoteAddress => null;

        [Test]
        public async Task Reload_NoRemoteAddress_Returns403()
        {
            using var response = await Client.PostRawAsync(Reload, "{}");

            AssertRefusedAsRemote(await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.Forbidden));
        }
    }

    /// <summary>Keys off, over a real socket: the same service reached through loopback and through this machine's network address.</summary>
    [TestFixture]
    public sealed class KeysOffOverTheNetwork
    {
        private HoaxScreenFactory _factory = null!;
        private int _port;

        [OneTimeSetUp]
        public void StartOnEveryInterface()
        {
            _factory = new HoaxScreenFactory();
            _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Any, 0));
            using var client = _factory.CreateClient();
            _port = client.BaseAddress!.Port;
        }

        [OneTimeTearDown]
        public void Stop() => _factory.Dispose();

        [Test]
        public async Task Reload_ThroughLoopback_ReturnsOk()
        {
            using var response = await PostReloadAsync(IPAddress.Loopback);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        }

        [Test]
        public async Task Reload_ThroughThisMachinesNetworkAddress_Returns403()
        {
            var address = NetworkAddress() ?? throw new IgnoreException("this machine has no IPv4 address besides loopback");

            using var response = await PostReloadAsync(address);

            AssertRefusedAsRemote(await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.Forbidden));
        }

        private async Task<HttpResponseMessage> PostReloadAsync(IPAddress address)
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://{address}:{_port}") };
            return await client.PostAsync(Reload, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        }

        private static IPAddress? NetworkAddress() => NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
    }

    /// <summary>Keys on: the key decides, from any machine; no warning at start-up.</summary>
    [TestFixture]
    public sealed class KeysOnFromElsewhere : ApiFixture
    {
        private readonly CapturingLoggerProvider _logs = new();

        protected override IPAddress InMemoryRemoteAddress => Elsewhere;

        protected override ILoggerProvider LoggerProvider => _logs;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Security:ApiKeys:0:Key"] = ApiKeyTests.AdminKey,
            ["Security:ApiKeys:0:Role"] = "admin",
        };

        [Test]
        public async Task Reload_AdminKeyFromAnotherMachine_ReturnsOk()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Reload) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Api-Key", ApiKeyTests.AdminKey);

            using var response = await Client.SendAsync(request);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        }

        [Test]
        public async Task Reload_NoKeyFromAnotherMachine_Returns401()
        {
            using var response = await Client.PostRawAsync(Reload, "{}");

            await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        }

        [Test]
        public async Task Reload_AdminKeyWithoutBody_Returns415()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Reload);
            request.Headers.Add("X-Api-Key", ApiKeyTests.AdminKey);

            using var response = await Client.SendAsync(request);

            await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        }

        [Test]
        public void Start_WithKeys_LogsNoWarning() => Assert.That(_logs.Entries.Where(e => e.EventId == 1400), Is.Empty);
    }
}
