using Microsoft.Playwright;

namespace HoaxScreen.Browser.Tests;

/// <summary>
/// One Playwright driver and one headless Chromium for the whole assembly, launched by the first fixture that needs them
/// and closed after the last: each launch costs seconds, a fresh context per test costs milliseconds.
/// </summary>
[SetUpFixture]
public sealed class SharedBrowser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static bool IsInstalled => File.Exists(ChromiumPath);

    public static async Task<IBrowser> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is null)
            {
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ChromiumPath,
                    Headless = true,

                    // Chromium's sandbox refuses to run as root (CI runs as root).
                    Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
                });
            }

            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
    }
}
