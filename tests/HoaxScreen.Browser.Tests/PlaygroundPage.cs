using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoaxScreen.Browser.Tests;

/// <summary>What the tests do on the playground page, in the page's own terms (ids and roles from index.html).</summary>
internal sealed class PlaygroundPage(IPage page)
{
    public ILocator Text => page.Locator("#post-text");

    public ILocator CheckButton => page.Locator("#check-button");

    public ILocator Verdict => page.Locator("#verdict");

    public ILocator LabelRows => page.Locator("#labels .label-row");

    public ILocator Highlighted => page.Locator("#highlighted");

    public ILocator Marks => page.Locator("#highlighted mark");

    public ILocator Error => page.Locator("#error");

    public ILocator ModelVersion => page.Locator("#model-version");

    public ILocator KnownClaims => page.Locator("#known-claims");

    public ILocator KnownClaimItems => page.Locator("#known-claims-list li");

    public ILocator KeyPanel => page.Locator("#key-panel");

    public ILocator Role => page.Locator("#author-role");

    public ILocator Action => page.Locator("#context-action");

    public ILocator Risks => page.Locator("#risks");

    public ILocator RiskItems => page.Locator("#risks-list li");

    public ILocator TermMatchItems => page.Locator("#term-matches-list li.term-match");

    public ILocator TermMatchesHint => page.Locator("#term-matches-hint");

    /// <summary>The marks of a term list's matches (a mark's labels name them <c>term:LIST</c>).</summary>
    public ILocator TermMarks(string list) => page.Locator($"#highlighted mark[data-labels~='term:{list}']");

    public ILocator Row(string label) => page.Locator($"#labels .label-row[data-label='{label}']");

    public ILocator Example(string name) => page.Locator($"button[data-example='{name}']");

    /// <summary>Opens the page and waits until it has read the model description.</summary>
    public async Task OpenAsync()
    {
        var response = await page.GotoAsync("/");
        Assert.That(response?.Status, Is.EqualTo(200), "GET /");
        await Expect(ModelVersion.Locator("code")).ToBeVisibleAsync();
    }

    /// <summary>Opens the page without waiting for the model (for when the API refuses it).</summary>
    public async Task OpenOnlyAsync()
    {
        var response = await page.GotoAsync("/");
        Assert.That(response?.Status, Is.EqualTo(200), "GET /");
    }

    /// <summary>Presses Check (or runs <paramref name="trigger"/>), waits for the screening response and for the page to finish with it.</summary>
    public async Task<(int Status, JsonElement Body)> CheckAsync(Func<Task>? trigger = null)
    {
        var response = await page.RunAndWaitForResponseAsync(
            trigger ?? (() => CheckButton.ClickAsync()),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/v1/screen");
        var body = await response.JsonAsync() ?? throw new InvalidOperationException("no JSON body");

        // The click set the result busy before the request left; it is cleared once the answer is drawn.
        await Expect(page.Locator("#result")).ToHaveAttributeAsync("aria-busy", "false");
        return (response.Status, body);
    }

    /// <summary>Like <see cref="CheckAsync"/>, and also what the page sent.</summary>
    public async Task<(int Status, JsonElement Body, JsonElement Sent)> CheckSendingAsync()
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => CheckButton.ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/v1/screen");
        var sent = response.Request.PostDataJSON() ?? throw new InvalidOperationException("no JSON request body");
        var body = await response.JsonAsync() ?? throw new InvalidOperationException("no JSON body");
        await Expect(page.Locator("#result")).ToHaveAttributeAsync("aria-busy", "false");
        return (response.Status, body, sent);
    }

    /// <summary>The highlighted marks as drawn: offset, length and text.</summary>
    public async Task<IReadOnlyList<(int Start, int Length, string Text, string Labels)>> ReadMarksAsync()
    {
        var marks = await Marks.EvaluateAllAsync<JsonElement>(
            "marks => marks.map(m => [Number(m.dataset.start), Number(m.dataset.length), m.textContent, m.dataset.labels])");
        return [.. marks.EnumerateArray().Select(m => (m[0].GetInt32(), m[1].GetInt32(), m[2].GetString()!, m[3].GetString()!))];
    }

    public Task<string> HighlightedTextAsync() => Highlighted.EvaluateAsync<string>("e => e.textContent");
}
