using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoaxScreen.Browser.Tests;

/// <summary>
/// With API keys on, the page and its files still open without a key (like Swagger UI); the API answers 401 and the page
/// asks for a key, which it keeps in sessionStorage for the tab and sends as X-Api-Key.
/// </summary>
[TestFixture]
public sealed class PlaygroundApiKeyTests : BrowserFixture
{
    private const string ScreeningKey = "playground-screening-key-0123";

    private PlaygroundPage _playground = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:RequireApiKeys"] = "true",
        ["Security:ApiKeys:0:Name"] = "playground",
        ["Security:ApiKeys:0:Key"] = ScreeningKey,
        ["Security:ApiKeys:0:Role"] = "screening",
    };

    [SetUp]
    public void CreatePageModel() => _playground = new PlaygroundPage(Page);

    [Test]
    public async Task Playground_KeysOnNoKeyYet_OpensAndAsksForAKey()
    {
        await _playground.OpenOnlyAsync();

        await Expect(_playground.KeyPanel).ToBeVisibleAsync();
        await Expect(_playground.Error).ToContainTextAsync("HTTP 401");
        await Expect(Page.Locator("#api-key")).ToBeFocusedAsync();
        var stylesApplied = await Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.topbar')).backgroundColor");
        Assert.That(stylesApplied, Is.Not.EqualTo("rgba(0, 0, 0, 0)"), "the stylesheet was served without a key");
    }

    [Test]
    public async Task Playground_KeysOnKeyEntered_ScreensAndKeepsTheKeyForTheTab()
    {
        await _playground.OpenOnlyAsync();
        await Page.Locator("#api-key").FillAsync(ScreeningKey);

        var model = await Page.RunAndWaitForResponseAsync(
            () => Page.Locator("#key-save").ClickAsync(),
            r => new Uri(r.Url).AbsolutePath == "/v1/model");
        Assert.That(model.Status, Is.EqualTo(200));
        Assert.That(await model.Request.HeaderValueAsync("x-api-key"), Is.EqualTo(ScreeningKey));
        await Expect(_playground.ModelVersion.Locator("code")).ToBeVisibleAsync();
        await Expect(_playground.Error).ToBeHiddenAsync();

        await Page.ReloadAsync();
        await Expect(_playground.ModelVersion.Locator("code")).ToBeVisibleAsync();
        await _playground.Text.FillAsync("dasar a*jing lu");
        var (status, _) = await _playground.CheckAsync();

        Assert.That(status, Is.EqualTo(200));
        await Expect(_playground.Marks.Filter(new LocatorFilterOptions { HasTextString = "a*jing" })).ToHaveCountAsync(1);
        Assert.That(await Page.EvaluateAsync<string>("() => sessionStorage.getItem('hoaxscreen.apiKey')"), Is.EqualTo(ScreeningKey));
    }

    [Test]
    public async Task Playground_KeysOnWrongKey_ShowsTheRefusalFromTheServer()
    {
        await _playground.OpenOnlyAsync();
        await Page.Locator("#api-key").FillAsync("not-the-right-key-000000");
        await Page.Locator("#key-save").ClickAsync();
        await _playground.Text.FillAsync("halo");

        var (status, body) = await _playground.CheckAsync();

        Assert.That(status, Is.EqualTo(401));
        await Expect(_playground.Error).ToContainTextAsync(body.GetProperty("detail").GetString()!);
        await Expect(_playground.KeyPanel).ToBeVisibleAsync();
    }
}
