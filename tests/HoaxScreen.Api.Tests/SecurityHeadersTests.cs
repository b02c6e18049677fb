using System.Net;
using System.Text;
using HoaxScreen.Api.Playground;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Every response the pipeline writes (JSON, problem details, health, metrics, Swagger UI and its document, the
/// playground) tells the browser not to sniff its type, not to show it in a frame, and what it may load.
/// </summary>
public static class SecurityHeadersTests
{
    /// <summary>What a JSON, text or problem response allows: nothing to load, no framing.</summary>
    private const string StrictPolicy = "default-src 'none'; frame-ancestors 'none'";

    private static async Task AssertHeadersAsync(HttpResponseMessage response, HttpStatusCode status, string? policy = StrictPolicy)
    {
        var body = await response.Content.ReadAsStringAsync();
        var csp = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.ToList() : [];
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), body);
            Assert.That(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) ? sniff : [], Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.TryGetValues("X-Frame-Options", out var frame) ? frame : [], Is.EqualTo(new[] { "DENY" }));
            Assert.That(csp, Has.Count.EqualTo(1), "one Content-Security-Policy");
            Assert.That(csp.FirstOrDefault(), Does.Contain("frame-ancestors 'none'"));
            if (policy is not null)
            {
                Assert.That(csp.FirstOrDefault(), Is.EqualTo(policy));
            }
        });
    }

    /// <summary>Keys off (the caller on this machine).</summary>
    [TestFixture]
    public sealed class KeysOff : ApiFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Limits:MaxRequestBodyBytes"] = "4096",
        };

        [Test]
        public async Task Screen_Ok_CarriesHeaders()
        {
            using var response = await Client.PostRawAsync("/v1/screen", """{ "text": "halo semua" }""");
            await AssertHeadersAsync(response, HttpStatusCode.OK);
        }

        [Test]
        public async Task GetModel_Ok_CarriesHeaders()
        {
            using var response = await Client.GetAsync("/v1/model");
            await AssertHeadersAsync(response, HttpStatusCode.OK);
        }

        [Test]
        public async Task Screen_ValidationProblem_CarriesHeaders()
        {
            using var response = await Client.PostRawAsync("/v1/screen", """{ "text": "" }""");
            await AssertHeadersAsync(response, HttpStatusCode.BadRequest);
        }

        [Test]
        public async Task Screen_MalformedJson_CarriesHeaders()
        {
            using var response = await Client.PostRawAsync("/v1/screen", """{ "text": """);
            await AssertHeadersAsync(response, HttpStatusCode.BadRequest);
        }

        [Test]
        public async Task Screen_WrongContentType_CarriesHeaders()
        {
            using var response = await Client.PostRawAsync("/v1/screen", """{ "text": "halo" }""", "text/plain");
            await AssertHeadersAsync(response, HttpStatusCode.UnsupportedMediaType);
        }

        [Test]
        public async Task Screen_BodyOverLimit_CarriesHeaders()
        {
            using var response = await Client.PostRawAsync("/v1/screen", $$"""{ "text": "{{new string('a', 8_000)}}" }""");
            await AssertHeadersAsync(response, HttpStatusCode.RequestEntityTooLarge);
        }

        [Test]
        public async Task UnknownRoute_NotFound_CarriesHeaders()
        {
            using var response = await Client.GetAsync("/v1/nothing-here");
            await AssertHeadersAsync(response, HttpStatusCode.NotFound);
        }

        [Test]
        public async Task WrongMethod_MethodNotAllowed_CarriesHeaders()
        {
            using var response = await Client.GetAsync("/v1/screen");
            await AssertHeadersAsync(response, HttpStatusCode.MethodNotAllowed);
        }

        [Test]
        public async Task Reload_WithoutBody_CarriesHeaders()
        {
            using var response = await Client.PostAsync("/admin/model/reload", content: null);
            await AssertHeadersAsync(response, HttpStatusCode.UnsupportedMediaType);
        }

        [TestCase("/health/live")]
        [TestCase("/health/ready")]
        [TestCase("/metrics")]
        [TestCase("/swagger/v1/swagger.json")]
        public async Task OpenEndpoint_Ok_CarriesHeaders(string path)
        {
            using var response = await Client.GetAsync(path);
            await AssertHeadersAsync(response, HttpStatusCode.OK);
        }

        [Test]
        public async Task SwaggerUi_Page_CarriesAPolicyThatAllowsOnlyItsOwnFiles()
        {
            using var response = await Client.GetAsync("/swagger/index.html");
            await AssertHeadersAsync(response, HttpStatusCode.OK, policy: null);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();

            Assert.Multiple(() =>
            {
                Assert.That(csp, Does.StartWith("default-src 'none';"));
                Assert.That(csp, Does.Contain("script-src 'self';"), "no inline or evaluated script");
                Assert.That(csp, Does.Contain("connect-src 'self'"), "Try it out calls this service only");
                Assert.That(csp, Does.Not.Contain("unsafe-eval"));
                Assert.That(csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), Does.Not.Contain("unsafe-inline"));
            });
        }

        [TestCase("/swagger/index.js")]
        [TestCase("/swagger/swagger-ui.css")]
        [TestCase("/swagger/swagger-ui-bundle.js")]
        public async Task SwaggerUi_Files_CarryHeaders(string path)
        {
            using var response = await Client.GetAsync(path);
            await AssertHeadersAsync(response, HttpStatusCode.OK, policy: null);
        }

        [Test]
        public async Task Swagger_Redirect_CarriesHeaders()
        {
            using var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            using var response = await client.GetAsync("/swagger");
            await AssertHeadersAsync(response, HttpStatusCode.MovedPermanently, policy: null);
        }

        [TestCase("/")]
        [TestCase("/playground.js")]
        public async Task Playground_KeepsItsOwnPolicyAndCarriesHeaders(string path)
        {
            using var response = await Client.GetAsync(path);
            await AssertHeadersAsync(response, HttpStatusCode.OK, policy: PlaygroundExtensions.ContentSecurityPolicy);
        }
    }

    [Test]
    public static async Task UnhandledException_ProblemResponse_CarriesHeaders()
    {
        using var factory = new HoaxScreenFactory
        {
            AfterApp = app => app.Use((context, next) =>
                context.Request.Path == "/test/throw" ? throw new InvalidOperationException("a bug") : next(context)),
        };
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/test/throw");

        await AssertHeadersAsync(response, HttpStatusCode.InternalServerError);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    /// <summary>Keys on: the refusals written by authentication carry the headers too.</summary>
    [TestFixture]
    public sealed class KeysOn : ApiFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Security:ApiKeys:0:Key"] = ApiKeyTests.ScreeningKey,
            ["Security:ApiKeys:0:Role"] = "screening",
            ["RateLimits:PermitLimit"] = "1",
            ["RateLimits:WindowSeconds"] = "3600",
        };

        [Test]
        public async Task Screen_NoKey_UnauthorizedCarriesHeaders()
        {
            using var response = await Client.PostRawAsync("/v1/screen", """{ "text": "halo" }""");
            await AssertHeadersAsync(response, HttpStatusCode.Unauthorized);
        }

        /// <summary>One test, as the rate limit's window is shared: a forbidden reload, one screening allowed, the next refused.</summary>
        [Test]
        public async Task ScreeningKey_ForbiddenAndRateLimited_CarryHeaders()
        {
            using var forbidden = await SendAsync("/admin/model/reload", "{}");
            using var allowed = await SendAsync("/v1/screen", """{ "text": "halo" }""");
            using var limited = await SendAsync("/v1/screen", """{ "text": "halo" }""");

            await AssertHeadersAsync(forbidden, HttpStatusCode.Forbidden);
            await AssertHeadersAsync(allowed, HttpStatusCode.OK);
            await AssertHeadersAsync(limited, HttpStatusCode.TooManyRequests);
        }

        private Task<HttpResponseMessage> SendAsync(string path, string body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Api-Key", ApiKeyTests.ScreeningKey);
            return Client.SendAsync(request);
        }
    }
}
