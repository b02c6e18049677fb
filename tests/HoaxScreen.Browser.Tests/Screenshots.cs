using HoaxScreen.Tests.Shared;
using Microsoft.Playwright;

namespace HoaxScreen.Browser.Tests;

/// <summary>
/// README screenshots, written only when HOAXSCREEN_SCREENSHOTS names a folder (relative to the repository root), e.g.
/// <c>HOAXSCREEN_SCREENSHOTS=docs/images</c>; see docs/screenshots.sh. Ordinary runs write nothing.
/// </summary>
internal static class Screenshots
{
    public const string Variable = "HOAXSCREEN_SCREENSHOTS";

    /// <summary>The tests that take a screenshot, so a script can run just those.</summary>
    public const string Category = "Screenshot";

    public static async Task SaveIfAskedAsync(IPage page, string fileName)
    {
        var folder = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        var path = Path.Combine(Path.GetFullPath(folder, RepoPaths.Root), fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Whole page, so the result column is never cut off; the caret is hidden so shots are stable.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Caret = ScreenshotCaret.Hide, Animations = ScreenshotAnimations.Disabled });
        TestContext.Out.WriteLine("screenshot: " + path);
    }
}
