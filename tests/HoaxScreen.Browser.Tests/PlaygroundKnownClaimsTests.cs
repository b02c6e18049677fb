using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using HoaxScreen.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoaxScreen.Browser.Tests;

/// <summary>
/// The playground's view of matched debunks (<c>knownClaims</c>): each shows its claim, verdict, publisher, date, a link
/// to the debunk and whether it is a match or a suggestion to confirm. The store is filled with the team's claims through
/// <c>POST /admin/claims</c> over the real socket.
/// </summary>
[TestFixture]
public sealed class PlaygroundKnownClaimsTests : BrowserFixture
{
    private const string VaccinePost =
        "PENTING!! vaksin campak di posyandu katanya mengandung babi dan ada chip pelacaknya, sebarkan ke grup keluarga sebelum dihapus";

    private readonly string _store = Path.Combine(Directory.CreateTempSubdirectory("hoaxscreen-browser-claims-").FullName, "claims.db");
    private PlaygroundPage _playground = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Claims:Path"] = _store,
        ["Claims:MatcherPath"] = RepoPaths.Bundle("claims"),
    };

    [OneTimeSetUp]
    public async Task ImportTheTeamClaimsAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.DataFolder, "claims", "claims.csv")));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await client.PostAsync("/admin/claims", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [SetUp]
    public void CreatePageModel() => _playground = new PlaygroundPage(Page);

    [Test]
    [Category(Screenshots.Category)]
    public async Task Playground_PostRepeatingADebunk_ShowsTheDebunkWithVerdictPublisherDateAndLink()
    {
        await _playground.OpenAsync();
        await _playground.Text.FillAsync(VaccinePost);

        var (status, body) = await _playground.CheckAsync();

        Assert.That(status, Is.EqualTo(200));
        var best = body.GetProperty("knownClaims")[0];
        Assert.That(best.GetProperty("decision").GetString(), Is.EqualTo("match"));
        await Expect(_playground.KnownClaims).ToBeVisibleAsync();
        await Expect(_playground.KnownClaimItems).ToHaveCountAsync(body.GetProperty("knownClaims").GetArrayLength());
        var item = _playground.KnownClaimItems.First;
        await Expect(item).ToHaveAttributeAsync("data-id", best.GetProperty("id").GetString()!);
        await Expect(item).ToHaveAttributeAsync("data-decision", "match");
        await Expect(item.Locator(".badge")).ToHaveTextAsync("Cocok (match)");
        await Expect(item.Locator(".claim-text")).ToHaveTextAsync(best.GetProperty("claim").GetString()!);
        await Expect(item.Locator(".claim-verdict")).ToHaveTextAsync(best.GetProperty("verdict").GetString()!);
        await Expect(item.Locator(".claim-publisher")).ToHaveTextAsync(best.GetProperty("publisher").GetString()!);
        await Expect(item.Locator("time")).ToHaveAttributeAsync("datetime", best.GetProperty("published").GetString()!);
        await Expect(item.Locator("time")).ToHaveTextAsync("14 Februari 2023");
        var link = item.Locator("a.claim-url");
        await Expect(link).ToHaveAttributeAsync("href", best.GetProperty("url").GetString()!);
        await Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Expect(_playground.Verdict).ToContainTextAsync("cocok dengan hoaks yang sudah dibantah");
        await Screenshots.SaveIfAskedAsync(Page, "playground-debunk.png");

        await _playground.Text.FillAsync("hahaha mantap sekali gan 👍👍");
        var (_, unrelated) = await _playground.CheckAsync();
        Assert.That(unrelated.GetProperty("knownClaims").GetArrayLength(), Is.Zero, "a post about nothing repeats no claim");
        await Expect(_playground.KnownClaims).ToBeHiddenAsync();
        Assert.That(PageErrors, Is.Empty);
    }

    /// <summary>A debunk comes from an imported file: its fields are shown as text and only an http(s) URL is a link.</summary>
    [Test]
    public async Task Playground_DebunkWithMarkupAndAScriptUrl_ShownAsTextWithoutALink()
    {
        const string markup = "<img src=x onerror=\"window.__pwned = 1\">Klaim <b>palsu</b>";
        await Page.RouteAsync("**/v1/screen", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "application/json",
            Body = new JsonObject
            {
                ["model"] = "test-model",
                ["flagged"] = false,
                ["labels"] = new JsonObject { ["hoax"] = new JsonObject { ["score"] = 0.1, ["flagged"] = false, ["threshold"] = 0.5 } },
                ["knownClaims"] = new JsonArray(
                    new JsonObject
                    {
                        ["id"] = "hostile-1", ["claim"] = markup, ["verdict"] = "<i>SALAH</i>", ["rating"] = "false",
                        ["url"] = "javascript:window.__pwned = 2", ["publisher"] = "<script>window.__pwned = 3</script>",
                        ["published"] = "2024-02-30\"><img src=y>", ["score"] = 0.4, ["decision"] = "suggest",
                    },
                    new JsonObject
                    {
                        ["id"] = "hostile-2", ["claim"] = "Klaim kedua", ["rating"] = "false", ["url"] = "data:text/html,<b>x</b>",
                        ["score"] = 0.2, ["decision"] = "suggest",
                    }),
            }.ToJsonString(),
        }));
        await _playground.OpenAsync();
        await _playground.Text.FillAsync("teks apa saja untuk memicu permintaan");

        await _playground.CheckAsync();

        var item = _playground.KnownClaimItems.First;
        await Expect(_playground.KnownClaimItems).ToHaveCountAsync(2);
        await Expect(item.Locator(".claim-text")).ToHaveTextAsync(markup);
        await Expect(item.Locator(".claim-verdict")).ToHaveTextAsync("<i>SALAH</i>");
        await Expect(item.Locator(".claim-publisher")).ToHaveTextAsync("<script>window.__pwned = 3</script>");
        await Expect(item.Locator(".badge")).ToHaveTextAsync("Mungkin cocok – mohon konfirmasi (suggest – please confirm)");
        await Expect(_playground.KnownClaims.Locator("a, img, b, i, script")).ToHaveCountAsync(0);
        await Expect(_playground.KnownClaims.Locator("time")).ToHaveCountAsync(0);
        Assert.Multiple(async () =>
        {
            Assert.That(await Page.EvaluateAsync<bool>("() => window.__pwned === undefined"), Is.True);
            Assert.That(PageErrors, Is.Empty);
        });
    }
}
