using System.Net;
using System.Text.RegularExpressions;
using HoaxScreen.Core.Risks;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Api.Tests;

/// <summary>The playground page at <c>/</c> and its files, as HTTP sees them (the browser tests drive the page itself).</summary>
[TestFixture]
public sealed partial class PlaygroundTests : ApiFixture
{
    internal static readonly string[] Files = ["/", "/index.html", "/playground.css", "/playground.js", "/favicon.svg"];

    [Test]
    public async Task GetRoot_Always_ServesThePlaygroundPageLinkingItsFilesAndSwagger()
    {
        using var response = await Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/html; charset=utf-8"));
            Assert.That(html, Does.Contain("<html lang=\"id\">"));
            Assert.That(html, Does.Contain("src=\"playground.js\"").And.Contain("href=\"playground.css\""));
            Assert.That(html, Does.Contain("href=\"swagger\""));
        });
    }

    [Test]
    public async Task GetRoot_Always_HasAHiddenSectionForMatchedDebunks()
    {
        var html = await Client.GetStringAsync("/");

        Assert.That(html, Does.Match(@"<section id=""known-claims""[^>]*\bhidden\b").And.Contain("id=\"known-claims-list\""));
    }

    /// <summary>The selects offer "not sent" and exactly the roles and actions the API accepts, so no choice is refused.</summary>
    [Test]
    public async Task GetRoot_Always_OffersExactlyTheAuthorRolesAndActionsTheApiAccepts()
    {
        var html = await Client.GetStringAsync("/");

        Assert.Multiple(() =>
        {
            Assert.That(OptionValues(html, "author-role"), Is.EqualTo(new[] { string.Empty }.Concat(RiskVocabulary.AuthorRoles)));
            Assert.That(OptionValues(html, "context-action"), Is.EqualTo(new[] { string.Empty }.Concat(RiskVocabulary.Actions)));
            Assert.That(html, Does.Contain("<label for=\"author-role\"").And.Contain("<label for=\"context-action\""));
        });
    }

    [Test]
    public async Task GetRoot_Always_HasHiddenRisksAndATermListHintNamingTheAdminRoute()
    {
        var html = await Client.GetStringAsync("/");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Match(@"<section id=""risks""[^>]*\bhidden\b").And.Contain("id=\"risks-list\""));
            Assert.That(html, Does.Match(@"<p id=""term-matches-hint""[^>]*\bhidden\b[^>]*>[^<]*\(<code>PUT /admin/termlists/\{name\}</code>"));
            Assert.That(html, Does.Contain("data-example=\"asn_campaign\"").And.Contain("data-example=\"term_list\""));
        });
    }

    /// <summary>Term lists are an admin's: the page only reads what screening answers.</summary>
    [Test]
    public async Task PlaygroundScript_Always_CallsNoAdminRoute()
    {
        var script = await Client.GetStringAsync("/playground.js");

        Assert.That(script, Does.Not.Contain("admin/"));
    }

    /// <summary>
    /// A debunk's fields come from imported files, so the page sets text, never markup, and links only http(s) URLs (the
    /// browser tests show it against a hostile debunk).
    /// </summary>
    [Test]
    public async Task PlaygroundScript_Always_InsertsTextNeverMarkupAndLinksOnlyHttpUrls()
    {
        var script = await Client.GetStringAsync("/playground.js");

        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Not.Contain("innerHTML").And.Not.Contain("outerHTML").And.Not.Contain("insertAdjacentHTML").And.Not.Contain("document.write"));
            Assert.That(script, Does.Contain("knownClaims"));
            Assert.That(script, Does.Contain("url.protocol !== 'http:' && url.protocol !== 'https:'"));
        });
    }

    [TestCase("/playground.css", "text/css; charset=utf-8")]
    [TestCase("/playground.js", "text/javascript; charset=utf-8")]
    [TestCase("/favicon.svg", "image/svg+xml")]
    public async Task GetFile_Always_ServedWithItsTypeAndSecurityHeaders(string path, string contentType)
    {
        using var response = await Client.GetAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo(contentType));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("default-src 'none'").And.Contain("connect-src 'self'"));
            Assert.That(response.Headers.CacheControl?.NoCache, Is.True);
            Assert.That(response.Headers.ETag, Is.Not.Null);
        });
    }

    [Test]
    public async Task GetFile_SameETag_Returns304()
    {
        using var first = await Client.GetAsync("/playground.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/playground.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await Client.SendAsync(request);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task PlaygroundFiles_Always_ReferenceNoOtherHost()
    {
        foreach (var path in Files)
        {
            var text = await Client.GetStringAsync(path);

            // The SVG namespace is a name, not a request.
            var urls = AbsoluteUrl().Matches(text.Replace("xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal));
            Assert.That(urls.Select(m => m.Value), Is.Empty, $"{path} must work offline");
        }
    }

    [TestCase("POST")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task Root_OtherMethods_AnswerProblemDetailsNotThePage(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/") { Content = TestContents.Bytes("{}"u8.ToArray()) };
        using var response = await Client.SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.InRange(400, 499));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(HttpTestExtensions.ProblemJson));
        });
    }

    [Test]
    public async Task GetUnknownFile_Always_Returns404ProblemDetails()
    {
        using var response = await Client.GetAsync("/playground-missing.js");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(HttpTestExtensions.ProblemJson));
        });
    }

    private static IEnumerable<string> OptionValues(string html, string selectId)
    {
        var select = Regex.Match(html, $@"<select id=""{selectId}""[^>]*>(.*?)</select>", RegexOptions.Singleline);
        Assert.That(select.Success, Is.True, $"no select #{selectId}");
        return OptionValue().Matches(select.Groups[1].Value).Select(m => m.Groups[1].Value);
    }

    [GeneratedRegex(@"(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex(@"<option value=""([^""]*)""")]
    private static partial Regex OptionValue();
}

/// <summary>With API keys required and a tight rate limit, the page and its files still open, keyless and unlimited, like Swagger UI.</summary>
[TestFixture]
public sealed class PlaygroundWithKeysTests : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:RequireApiKeys"] = "true",
        ["Security:ApiKeys:0:Key"] = "playground-test-key-0123456789",
        ["Security:ApiKeys:0:Role"] = "screening",
        ["RateLimits:PermitLimit"] = "1",
        ["RateLimits:WindowSeconds"] = "3600",
    };

    [Test]
    public async Task GetPlaygroundFiles_KeysRequiredAndRateLimited_ServedWithoutKeyEveryTime()
    {
        for (var round = 0; round < 3; round++)
        {
            foreach (var path in PlaygroundTests.Files)
            {
                using var response = await Client.GetAsync(path);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{path}, round {round + 1}");
            }
        }

        using var api = await Client.GetAsync("/v1/model");
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the API itself still needs a key");
    }

    [TestFixture]
    public sealed class WithPlaygroundDisabled : ApiFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Playground:Enabled"] = "false" };

        [TestCase("/")]
        [TestCase("/playground.js")]
        public async Task GetPlaygroundFile_WhenDisabled_AnswersNotFoundProblemAndScreeningStillWorks(string path)
        {
            using var response = await Client.GetAsync(path);
            var scores = await Client.ScoresAsync("halo semua");
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
                Assert.That(scores, Has.Count.EqualTo(ShippedLabels.All.Length));
            });
        }
    }
}
