using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoaxScreen.Browser.Tests;

/// <summary>
/// The playground's election-watch parts: the author role and action it sends, the risks and the term-list matches it
/// shows. The service has a term list stored through <c>PUT /admin/termlists</c> over the real socket, and a rules file
/// whose rule reads the abusive label, so a risk fires with today's model (the shipped rules read <c>campaign</c>).
/// </summary>
[TestFixture]
public sealed class PlaygroundElectionTests : BrowserFixture
{
    private const string SlurList = "kata-kasar-lokal";
    private const string AbusivePost = "dasar anjing lu, goblok bgt jadi orang";
    private const string RiskReason = "A civil servant swearing in public.";

    private static readonly Lazy<string> Folder = new(() => Directory.CreateTempSubdirectory("hoaxscreen-browser-election-").FullName);

    private PlaygroundPage _playground = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TermLists:Path"] = Path.Combine(Folder.Value, "termlists.db"),
        ["Risks:RulesPath"] = WriteRules(),
    };

    [OneTimeSetUp]
    public async Task StoreTheSlurListAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        var list = new JsonObject { ["terms"] = new JsonArray("kafir", "cebong", "kadrun"), ["flag"] = true };
        using var content = new StringContent(list.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PutAsync($"/admin/termlists/{SlurList}", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [SetUp]
    public void CreatePageModel() => _playground = new PlaygroundPage(Page);

    [Test]
    public async Task Playground_RoleAndActionChosen_SendsThemAndNothingOnceEmptyAgain()
    {
        await _playground.OpenAsync();
        await _playground.Text.FillAsync(AbusivePost);
        await _playground.Role.SelectOptionAsync("asn");
        await _playground.Action.SelectOptionAsync("share");

        var (_, _, chosen) = await _playground.CheckSendingAsync();

        Assert.Multiple(() =>
        {
            Assert.That(chosen.GetProperty("author").GetProperty("role").GetString(), Is.EqualTo("asn"));
            Assert.That(chosen.GetProperty("context").GetProperty("action").GetString(), Is.EqualTo("share"));
        });

        await _playground.Role.SelectOptionAsync(string.Empty);
        await _playground.Action.SelectOptionAsync(string.Empty);
        var (_, _, empty) = await _playground.CheckSendingAsync();

        Assert.That(empty.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "text", "explain", "topWords" }));
    }

    [Test]
    public async Task Playground_AbusivePostByACivilServant_ShowsTheRiskAndItsReasonRightUnderTheVerdict()
    {
        await _playground.OpenAsync();
        await _playground.Text.FillAsync(AbusivePost);
        await _playground.Role.SelectOptionAsync("asn");

        var (status, body) = await _playground.CheckAsync();

        Assert.That(status, Is.EqualTo(200));
        Assert.That(body.GetProperty("risks").EnumerateArray().Select(r => r.GetProperty("name").GetString()), Is.EqualTo(new[] { "asn_abusive" }));
        await Expect(_playground.Risks).ToBeVisibleAsync();
        await Expect(_playground.RiskItems).ToHaveCountAsync(1);
        await Expect(_playground.RiskItems.First).ToHaveAttributeAsync("data-name", "asn_abusive");
        await Expect(_playground.RiskItems.First.Locator(".risk-reason")).ToHaveTextAsync(RiskReason);
        await Expect(_playground.Verdict).ToContainTextAsync("Risiko (risks): asn_abusive");
        var verdict = await _playground.Verdict.BoundingBoxAsync() ?? throw new AssertionException("no verdict");
        var risks = await _playground.Risks.BoundingBoxAsync() ?? throw new AssertionException("no risks");
        var labels = await Page.Locator("#labels").BoundingBoxAsync() ?? throw new AssertionException("no labels");
        Assert.That(risks.Y, Is.GreaterThan(verdict.Y).And.LessThan(labels.Y), "the risks come between the verdict and the scores");

        await _playground.Role.SelectOptionAsync("public");
        var (_, fromThePublic) = await _playground.CheckAsync();

        Assert.That(fromThePublic.GetProperty("risks").GetArrayLength(), Is.Zero);
        await Expect(_playground.Risks).ToBeHiddenAsync();
    }

    [Test]
    public async Task Playground_TermListExample_ListsEachMatchAndHighlightsItAsWritten()
    {
        await _playground.OpenAsync();
        await _playground.Example("term_list").ClickAsync();
        var text = await _playground.Text.InputValueAsync();

        var (_, body) = await _playground.CheckAsync();

        var matches = body.GetProperty("termMatches").EnumerateArray()
            .Select(m => (List: m.GetProperty("list").GetString()!, Term: m.GetProperty("term").GetString()!, Start: m.GetProperty("start").GetInt32(), Length: m.GetProperty("length").GetInt32()))
            .ToList();
        Assert.That(matches.Select(m => (m.List, m.Term, text.Substring(m.Start, m.Length))),
            Is.EqualTo(new[] { (SlurList, "kafir", "k a f i r"), (SlurList, "cebong", "c3b0ng") }));
        await Expect(_playground.TermMatchesHint).ToBeHiddenAsync();
        await Expect(_playground.TermMatchItems).ToHaveCountAsync(matches.Count);
        var marks = await _playground.ReadMarksAsync();
        Assert.Multiple(async () =>
        {
            for (var i = 0; i < matches.Count; i++)
            {
                var item = _playground.TermMatchItems.Nth(i);
                Assert.That(await item.GetAttributeAsync("data-list"), Is.EqualTo(matches[i].List));
                Assert.That(await item.GetAttributeAsync("data-term"), Is.EqualTo(matches[i].Term));
                Assert.That(await item.Locator(".term-written").TextContentAsync(), Does.Contain(text.Substring(matches[i].Start, matches[i].Length)));

                // A listed term may also be an explained word, so its mark can be split where the word's ends.
                var covered = marks.Where(m => m.Labels.Split(' ').Contains($"term:{SlurList}") && m.Start >= matches[i].Start && m.Start + m.Length <= matches[i].Start + matches[i].Length);
                Assert.That(string.Concat(covered.OrderBy(m => m.Start).Select(m => m.Text)), Is.EqualTo(text.Substring(matches[i].Start, matches[i].Length)));
            }

            Assert.That(await _playground.HighlightedTextAsync(), Is.EqualTo(text));
        });
    }

    [Test]
    public async Task Playground_TermListsToggledInTheLegend_HidesOnlyTheTermHighlights()
    {
        await _playground.OpenAsync();
        await _playground.Example("term_list").ClickAsync();
        await _playground.CheckAsync();
        await Expect(_playground.TermMarks(SlurList)).Not.ToHaveCountAsync(0);

        var toggle = Page.Locator("#highlight-legend button[data-label=':terms']");
        await toggle.ClickAsync();

        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(_playground.TermMarks(SlurList)).ToHaveCountAsync(0);
        await Expect(_playground.Marks.And(Page.Locator("[data-labels~='abusive']"))).Not.ToHaveCountAsync(0);
        await Expect(_playground.TermMatchItems).ToHaveCountAsync(2);
    }

    [Test]
    public async Task Playground_AsnExample_FillsTheTextRoleAndActionAndAnotherExampleClearsThem()
    {
        await _playground.OpenAsync();

        await _playground.Example("asn_campaign").ClickAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(await _playground.Text.InputValueAsync(), Does.Contain("coblos nomor 2").And.Contain("Bima Santosa"));
            Assert.That(await _playground.Role.InputValueAsync(), Is.EqualTo("asn"));
            Assert.That(await _playground.Action.InputValueAsync(), Is.EqualTo("share"));
        });
        var (status, _, sent) = await _playground.CheckSendingAsync();
        Assert.That(status, Is.EqualTo(200));
        Assert.That(sent.GetProperty("author").GetProperty("role").GetString(), Is.EqualTo("asn"));

        await _playground.Example("clean").ClickAsync();

        Assert.That(await _playground.Role.InputValueAsync(), Is.Empty);
        Assert.That(await _playground.Action.InputValueAsync(), Is.Empty);
    }

    [Test]
    public async Task Playground_KeyboardOnly_ReachesAndChoosesRoleAndActionAfterTheText()
    {
        await _playground.OpenAsync();
        await _playground.Text.FillAsync(AbusivePost);
        await _playground.Text.FocusAsync();

        await Page.Keyboard.PressAsync("Tab");
        await Expect(_playground.Role).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("ArrowDown");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(_playground.Action).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("ArrowDown");

        Assert.That(await _playground.Role.InputValueAsync(), Is.EqualTo("asn"));
        Assert.That(await _playground.Action.InputValueAsync(), Is.EqualTo("post"));
        var (_, _, sent) = await _playground.CheckSendingAsync();
        Assert.That(sent.GetProperty("context").GetProperty("action").GetString(), Is.EqualTo("post"));
    }

    /// <summary>A risk's reason comes from the rules file and a term from an admin's list: both are shown as text.</summary>
    [Test]
    public async Task Playground_MarkupInARiskAndATerm_ShownAsTextNeverRun()
    {
        const string reason = "<img src=x onerror=\"window.__pwned = 1\">Alasan <b>tebal</b>";
        const string term = "<script>window.__pwned = 2</script>";
        await Page.RouteAsync("**/v1/screen", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "application/json",
            Body = new JsonObject
            {
                ["model"] = "test-model",
                ["flagged"] = true,
                ["labels"] = new JsonObject { ["hoax"] = new JsonObject { ["score"] = 0.1, ["flagged"] = false, ["threshold"] = 0.5 } },
                ["risks"] = new JsonArray(new JsonObject { ["name"] = "<i>office_rule</i>", ["reason"] = reason }),
                ["termMatches"] = new JsonArray(new JsonObject { ["list"] = "<b>list</b>", ["term"] = term, ["start"] = 0, ["length"] = 4 }),
            }.ToJsonString(),
        }));
        await _playground.OpenAsync();
        await _playground.Text.FillAsync("teks apa saja untuk memicu permintaan");

        await _playground.CheckAsync();

        await Expect(_playground.RiskItems.First.Locator(".risk-reason")).ToHaveTextAsync(reason);
        await Expect(_playground.RiskItems.First.Locator(".risk-name")).ToHaveTextAsync("<i>office_rule</i>");
        await Expect(_playground.TermMatchItems.First.Locator(".term-term")).ToHaveTextAsync(term);
        await Expect(Page.Locator("#risks img, #risks b, #risks i, #term-matches b, #term-matches script")).ToHaveCountAsync(0);
        Assert.Multiple(async () =>
        {
            Assert.That(await Page.EvaluateAsync<bool>("() => window.__pwned === undefined"), Is.True);
            Assert.That(PageErrors, Is.Empty);
        });
    }

    private static string WriteRules()
    {
        var path = Path.Combine(Folder.Value, "rules.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            rules = new[] { new { name = "asn_abusive", reason = RiskReason, when = new { labels = new[] { "abusive" }, authorRoles = new[] { "asn" } } } },
        }));
        return path;
    }
}
