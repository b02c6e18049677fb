using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoaxScreen.Browser.Tests;

/// <summary>Swagger UI at <c>/swagger</c> driven as staff use it: "Try it out" on POST /v1/screen runs its examples as they are.</summary>
[TestFixture]
public sealed class SwaggerUiTests : BrowserFixture
{
    [Test]
    public async Task SwaggerUi_TryItOutOnScreenPost_Executes200WithLabelsForEachExample()
    {
        await Page.GotoAsync("/swagger");
        var operation = Page.Locator("#operations-Screening-ScreenPost");
        await operation.Locator(".opblock-summary").First.ClickAsync();
        await operation.Locator("button.try-out__btn").ClickAsync();
        var responseBody = operation.Locator(".live-responses-table tbody .response-col_description pre").First;

        // The default example, as it is.
        var response = await ExecuteAsync(operation);

        Assert.That(response.Status, Is.EqualTo(200), await response.TextAsync());
        await Expect(operation.Locator(".live-responses-table tbody .response-col_status").First).ToHaveTextAsync("200");
        using (var shown = JsonDocument.Parse(await responseBody.TextContentAsync() ?? string.Empty))
        {
            Assert.That(shown.RootElement.GetProperty("labels").EnumerateObject().Select(l => l.Name),
                Is.SupersetOf(new[] { "hoax", "hate_speech", "abusive", "sara" }));
        }

        // The explain example: the disguised word comes back as written.
        await operation.Locator("select.examples-select-element").SelectOptionAsync(new SelectOptionValue { Value = "explainObfuscated" });
        var explained = await ExecuteAsync(operation);

        Assert.That(explained.Status, Is.EqualTo(200), await explained.TextAsync());
        await Expect(responseBody).ToContainTextAsync("\"explanations\"");
        await Expect(responseBody).ToContainTextAsync("\"a*jing\"");
        Assert.That(OffsiteRequests, Is.Empty, "Swagger UI works offline");
        Assert.That(PageErrors, Is.Empty, "no script error and nothing refused by the Content-Security-Policy");
    }

    [Test]
    public async Task SwaggerUi_UnderItsContentSecurityPolicy_RendersEveryOperationWithoutViolations()
    {
        var violations = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };

        var response = await Page.GotoAsync("/swagger/index.html");
        await Expect(Page.Locator("#operations-Screening-ScreenPost")).ToBeVisibleAsync();
        await Expect(Page.Locator("#operations-Administration-ReloadModel")).ToBeVisibleAsync();
        await Page.Locator("#operations-Administration-ReloadModel .opblock-summary").First.ClickAsync();
        await Expect(Page.Locator("#operations-Administration-ReloadModel .opblock-body")).ToBeVisibleAsync();
        var headers = await response!.AllHeadersAsync();

        Assert.Multiple(() =>
        {
            Assert.That(headers["content-security-policy"], Does.Contain("script-src 'self';").And.Contain("frame-ancestors 'none'"));
            Assert.That(headers["x-frame-options"], Is.EqualTo("DENY"));
            Assert.That(violations, Is.Empty);
            Assert.That(PageErrors, Is.Empty);
        });
    }

    private Task<IResponse> ExecuteAsync(ILocator operation) =>
        Page.RunAndWaitForResponseAsync(
            () => operation.Locator("button.execute").ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/v1/screen");
}
