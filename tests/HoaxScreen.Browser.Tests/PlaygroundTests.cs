using System.Text.Json;
using System.Text.RegularExpressions;
using HoaxScreen.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoaxScreen.Browser.Tests;

/// <summary>The playground at <c>/</c> in a real browser: examples, bars against thresholds, verdict, highlights, errors.</summary>
[TestFixture]
public sealed class PlaygroundTests : BrowserFixture
{
    private PlaygroundPage _playground = null!;

    [SetUp]
    public void CreatePageModel() => _playground = new PlaygroundPage(Page);

    [Test]
    [Category(Screenshots.Category)]
    public async Task Playground_HoaxExampleChecked_DrawsEveryLabelAgainstItsThresholdAndTheVerdict()
    {
        await _playground.OpenAsync();
        await _playground.Example("hoax").ClickAsync();
        Assert.That(await _playground.Text.InputValueAsync(), Does.Contain("Sebarkan"));

        var (status, body) = await _playground.CheckAsync();

        Assert.That(status, Is.EqualTo(200));
        var labels = body.GetProperty("labels").EnumerateObject().ToList();
        Assert.That(labels.Select(l => l.Name), Is.EqualTo(ShippedLabels.All));
        Assert.That(body.GetProperty("labels").GetProperty("hoax").GetProperty("flagged").GetBoolean(), Is.True, "the hoax example must be flagged as hoax");
        await Expect(_playground.LabelRows).ToHaveCountAsync(labels.Count);
        foreach (var label in labels)
        {
            var row = _playground.Row(label.Name);
            var flagged = label.Value.GetProperty("flagged").GetBoolean();
            await Expect(row).ToHaveClassAsync(new Regex(flagged ? @"\bis-flagged\b" : @"\bis-clear\b"));
            await AssertBarDrawsAsync(row, label.Value.GetProperty("score").GetDouble(), label.Value.GetProperty("threshold").GetDouble());
        }

        await Expect(_playground.Verdict).ToHaveClassAsync(new Regex(@"\bverdict-flagged\b"));
        await Expect(_playground.Verdict).ToContainTextAsync("Perlu ditinjau");
        await Expect(_playground.Verdict).ToContainTextAsync("Hoaks (hoax)");
        await Expect(_playground.Row("hoax")).ToContainTextAsync("Hoaks (hoax)");
        await Screenshots.SaveIfAskedAsync(Page, "playground-hoax.png");
    }

    [Test]
    public async Task Playground_HoaxExampleChecked_HighlightsEveryExplainedWordInTheOriginalText()
    {
        await _playground.OpenAsync();
        await _playground.Example("hoax").ClickAsync();
        var text = await _playground.Text.InputValueAsync();

        var (_, body) = await _playground.CheckAsync();

        var words = ExplainedWords(body);
        Assert.That(words.Where(w => w.Label == "hoax"), Is.Not.Empty, "the hoax label should be explained");
        var marks = await _playground.ReadMarksAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(await _playground.HighlightedTextAsync(), Is.EqualTo(text), "the highlighted view shows the whole original text");
            foreach (var word in words)
            {
                Assert.That(text.Substring(word.Start, word.Length), Is.EqualTo(word.Text), $"API offsets of '{word.Text}'");
                foreach (var (start, length) in word.Spans)
                {
                    var written = text.Substring(start, length);
                    Assert.That(marks.Any(m => m.Start == start && m.Length == length && m.Text == written && m.Labels.Split(' ').Contains(word.Label)),
                        Is.True, $"'{written}' ({word.Label}) at {start} is highlighted");
                }
            }

            foreach (var mark in marks)
            {
                Assert.That(mark.Text, Is.EqualTo(text.Substring(mark.Start, mark.Length)), "a mark shows the original substring");
            }
        });
    }

    [Test]
    public async Task Playground_RepeatedWordPasted_HighlightsEveryOccurrenceOfTheMergedEntry()
    {
        const string text = "anjing lo anjing banget, dasar anjing";
        await _playground.OpenAsync();
        await _playground.Text.FillAsync(text);

        var (_, body) = await _playground.CheckAsync();

        var anjing = ExplainedWords(body).Where(w => w.Label == "abusive" && w.Text == "anjing").ToList();
        Assert.That(anjing, Has.Count.EqualTo(1), "one entry for the repeated word");
        Assert.That(anjing[0].Spans, Has.Count.EqualTo(3));
        var marks = await _playground.ReadMarksAsync();
        Assert.Multiple(() =>
        {
            foreach (var (start, length) in anjing[0].Spans)
            {
                Assert.That(marks.Any(m => m.Start == start && m.Length == length && m.Text == "anjing" && m.Labels.Split(' ').Contains("abusive")),
                    Is.True, $"the occurrence at {start} is highlighted");
            }
        });
        await Expect(Page.Locator("#words .word-chip", new PageLocatorOptions { HasTextString = "anjing" })).ToContainTextAsync("×3");
    }

    [Test]
    public async Task Playground_ObfuscatedAbusePasted_HighlightsTheDisguisedWordAsWritten()
    {
        await _playground.OpenAsync();
        await _playground.Text.FillAsync("dasar a*jing lu");

        var (_, body) = await _playground.CheckAsync();

        Assert.That(ExplainedWords(body), Has.Some.Matches<ExplainedWord>(w => w.Label == "abusive" && w.Text == "a*jing"));
        var mark = _playground.Marks.Filter(new LocatorFilterOptions { HasTextString = "a*jing" });
        await Expect(mark).ToHaveCountAsync(1);
        await Expect(mark).ToHaveTextAsync("a*jing");
        await Expect(mark).ToHaveAttributeAsync("data-start", "6");
        await Expect(mark).ToHaveAttributeAsync("data-labels", new Regex(@"\babusive\b"));
        await Expect(_playground.Row("abusive")).ToHaveClassAsync(new Regex(@"\bis-flagged\b"));
    }

    [Test]
    [Category(Screenshots.Category)]
    public async Task Playground_AbusiveExampleWithEmoji_KeepsEmojiWholeAndMarksAtTheRightOffsets()
    {
        await _playground.OpenAsync();
        await _playground.Example("abusive").ClickAsync();
        var text = await _playground.Text.InputValueAsync();
        Assert.That(text, Does.StartWith("😡😡"), "the example puts emoji (surrogate pairs) before the highlighted words");

        var (_, body) = await _playground.CheckAsync();

        var marks = await _playground.ReadMarksAsync();
        Assert.That(ExplainedWords(body).Where(w => w.Label == "abusive").Select(w => w.Text), Does.Contain("a*jing").And.Contain("t0l0l"));
        Assert.That(marks.Select(m => m.Text), Does.Contain("a*jing").And.Contain("t0l0l"));
        Assert.Multiple(async () =>
        {
            Assert.That(await _playground.HighlightedTextAsync(), Is.EqualTo(text));
            foreach (var mark in marks)
            {
                Assert.That(mark.Text, Is.EqualTo(text.Substring(mark.Start, mark.Length)));
            }
        });
        await Screenshots.SaveIfAskedAsync(Page, "playground-abusive.png");
    }

    [Test]
    public async Task Playground_SaraExampleLegendToggled_HidesOnlyThatLabelsHighlights()
    {
        await _playground.OpenAsync();
        await _playground.Example("sara").ClickAsync();
        var (_, body) = await _playground.CheckAsync();
        Assert.That(ExplainedWords(body).Select(w => w.Label).Distinct(), Is.SupersetOf(new[] { "sara", "hate_speech" }));
        var saraMarks = _playground.Marks.And(Page.Locator("[data-labels~='sara']"));
        await Expect(saraMarks).Not.ToHaveCountAsync(0);

        var toggle = Page.Locator("#highlight-legend button[data-label='sara']");
        await toggle.ClickAsync();

        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(saraMarks).ToHaveCountAsync(0);
        await Expect(_playground.Marks.And(Page.Locator("[data-labels~='hate_speech']"))).Not.ToHaveCountAsync(0);
        await Expect(_playground.Verdict).ToContainTextAsync("SARA");
    }

    [Test]
    public async Task Playground_CleanExample_ShowsNotFlaggedAndNoHighlights()
    {
        await _playground.OpenAsync();
        await _playground.Example("clean").ClickAsync();

        var (_, body) = await _playground.CheckAsync();

        Assert.That(body.GetProperty("flagged").GetBoolean(), Is.False, "the clean example must not be flagged");
        await Expect(_playground.Verdict).ToHaveClassAsync(new Regex(@"\bverdict-clear\b"));
        await Expect(_playground.Verdict).ToContainTextAsync("Tidak ditandai");
        await Expect(_playground.Marks).ToHaveCountAsync(0);
        await Expect(Page.Locator("#words")).ToContainTextAsync("Tidak ada label yang ditandai");
    }

    [Test]
    public async Task Playground_TermListExampleWithListsOff_SaysListsAreStoredByAnAdminWithoutAskingForThem()
    {
        await _playground.OpenAsync();
        await _playground.Example("term_list").ClickAsync();
        Assert.That(await _playground.Text.InputValueAsync(), Does.Contain("k a f i r").And.Contain("c3b0ng"));

        var (status, body) = await _playground.CheckAsync();

        Assert.That(status, Is.EqualTo(200));
        Assert.That(body.TryGetProperty("termMatches", out _), Is.False, "term lists are off on this service");
        await Expect(_playground.TermMatchesHint).ToBeVisibleAsync();
        await Expect(_playground.TermMatchesHint).ToContainTextAsync("an admin stores");
        await Expect(_playground.TermMatchItems).ToHaveCountAsync(0);
        Assert.That(Requests.Select(url => new Uri(url).AbsolutePath), Has.None.StartsWith("/admin"));
    }

    [Test]
    public async Task Playground_EmptyText_ShowsTheServersFieldErrorAndKeepsWorking()
    {
        await _playground.OpenAsync();

        var (status, _) = await _playground.CheckAsync();

        Assert.That(status, Is.EqualTo(400));
        await Expect(_playground.Error).ToBeVisibleAsync();
        await Expect(_playground.Error).ToContainTextAsync("text must not be blank.");
        await Expect(_playground.Error).ToContainTextAsync("Permintaan tidak valid");
        await Expect(Page.Locator("#result-body")).ToBeHiddenAsync();
        await Expect(_playground.CheckButton).ToBeEnabledAsync();

        await _playground.Text.FillAsync("dasar a*jing lu");
        var (again, _) = await _playground.CheckAsync();

        Assert.That(again, Is.EqualTo(200));
        await Expect(_playground.Error).ToBeHiddenAsync();
        await Expect(_playground.LabelRows).Not.ToHaveCountAsync(0);
        Assert.That(PageErrors.Where(e => e.StartsWith("pageerror", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task Playground_TextOverTheLimit_ShowsTheLimitTheServerGives()
    {
        await _playground.OpenAsync();
        await _playground.Text.FillAsync(new string('a', 10_001));

        var (status, body) = await _playground.CheckAsync();

        Assert.That(status, Is.EqualTo(400));
        var message = body.GetProperty("errors").GetProperty("text")[0].GetString()!;
        Assert.That(message, Does.Contain("10000"));
        await Expect(_playground.Error).ToContainTextAsync(message);
    }

    [Test]
    public async Task Playground_HtmlInThePost_IsShownAsTextAndNeverRun()
    {
        const string Post = "<img src=x onerror=\"window.__injected=1\"><b>dasar</b> a*jing lu";
        await _playground.OpenAsync();
        await _playground.Text.FillAsync(Post);

        await _playground.CheckAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(await _playground.HighlightedTextAsync(), Is.EqualTo(Post));
            Assert.That(await Page.Locator("#highlighted img, #highlighted b").CountAsync(), Is.Zero);
            Assert.That(await Page.EvaluateAsync<bool>("() => window.__injected === undefined"), Is.True);
        });
    }

    [Test]
    public async Task Playground_WholeFlow_NeverRequestsAnythingOutsideThisMachine()
    {
        await _playground.OpenAsync();
        foreach (var example in new[] { "hoax", "abusive" })
        {
            await _playground.Example(example).ClickAsync();
            await _playground.CheckAsync();
        }

        var requested = Requests.Select(url => new Uri(url).AbsolutePath).ToList();
        Assert.Multiple(() =>
        {
            // The route saw the page's own traffic, so an empty list below means nothing else was tried.
            Assert.That(requested, Is.SupersetOf(new[] { "/", "/playground.css", "/playground.js", "/v1/model", "/v1/screen" }));
            Assert.That(OffsiteRequests, Is.Empty);
            Assert.That(PageErrors, Is.Empty, "script errors or Content-Security-Policy violations");
        });
    }

    [Test]
    public async Task Playground_KeyboardOnly_PicksAnExampleAndChecksWithCtrlEnter()
    {
        await _playground.OpenAsync();
        await _playground.Example("clean").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(_playground.Text).ToBeFocusedAsync();
        Assert.That(await _playground.Text.InputValueAsync(), Does.Contain("TPS 12"));

        var (status, _) = await _playground.CheckAsync(() => Page.Keyboard.PressAsync("Control+Enter"));

        Assert.That(status, Is.EqualTo(200));
        await Expect(_playground.Verdict).ToContainTextAsync("Tidak ditandai");
        await Expect(_playground.Verdict).ToHaveAttributeAsync("aria-live", "polite");
    }

    [Test]
    public async Task Playground_Header_ShowsTheModelVersionAndLinksToSwagger()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        using var model = JsonDocument.Parse(await http.GetStringAsync("/v1/model"));
        var version = model.RootElement.GetProperty("version").GetString()!;

        await _playground.OpenAsync();

        await Expect(_playground.ModelVersion).ToContainTextAsync(version);
        await Page.Locator("#swagger-link").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/swagger/"));
        await Expect(Page.Locator("#swagger-ui")).ToContainTextAsync("HoaxScreen API");
    }

    [Test]
    public async Task Playground_EveryFormControl_HasALabel()
    {
        await _playground.OpenAsync();

        var unlabelled = await Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('textarea, input, select')].filter(e => e.labels.length === 0).map(e => e.id)");

        Assert.That(unlabelled, Is.Empty);
        Assert.That(await Page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo("id"));
    }

    private static async Task AssertBarDrawsAsync(ILocator row, double score, double threshold)
    {
        var bar = await row.Locator(".bar").BoundingBoxAsync() ?? throw new AssertionException("no bar");
        var fill = await row.Locator(".bar-fill").BoundingBoxAsync() ?? throw new AssertionException("no bar fill");
        var marker = await row.Locator(".bar-threshold").BoundingBoxAsync() ?? throw new AssertionException("no threshold marker");
        Assert.Multiple(() =>
        {
            // The fill keeps a 2 px minimum so a near-zero score is still visible.
            Assert.That(fill.Width, Is.EqualTo(Math.Max(2, score * bar.Width)).Within(1.5), "fill width = score");
            Assert.That(marker.X + (marker.Width / 2), Is.EqualTo(bar.X + (threshold * bar.Width)).Within(1.5), "marker position = threshold");
            Assert.That(marker.Height, Is.GreaterThan(bar.Height), "the marker stands out of the bar");
        });
    }

    private static List<ExplainedWord> ExplainedWords(JsonElement body) =>
        [.. body.GetProperty("explanations").EnumerateObject().SelectMany(label => label.Value.EnumerateArray().Select(word => new ExplainedWord(
            label.Name, word.GetProperty("text").GetString()!, word.GetProperty("start").GetInt32(), word.GetProperty("length").GetInt32())
        {
            Spans = [.. word.GetProperty("spans").EnumerateArray().Select(s => (s.GetProperty("start").GetInt32(), s.GetProperty("length").GetInt32()))],
        }))];

    private sealed record ExplainedWord(string Label, string Text, int Start, int Length)
    {
        public IReadOnlyList<(int Start, int Length)> Spans { get; init; } = [];
    }
}
