using Microsoft.Playwright;

namespace HoaxScreen.Browser.Tests;

/// <summary>
/// One app on a loopback port per fixture, the assembly's shared headless Debian Chromium, and a fresh browser context
/// and page per test. Every request that leaves this machine is aborted and recorded, so a test can prove the page works
/// offline. The fixture is ignored, with the reason, only where Chromium is not installed.
/// </summary>
public abstract class BrowserFixture
{
    private readonly List<string> _offsiteRequests = [];
    private readonly List<string> _requests = [];
    private readonly List<string> _pageErrors = [];
    private PlaygroundServer? _server;
    private IBrowser? _browser;
    private IBrowserContext? _context;

    protected Uri BaseAddress { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    /// <summary>Configuration a fixture needs beyond the defaults (e.g. API keys).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>Requests the page tried to send anywhere but this machine (all aborted).</summary>
    protected IReadOnlyList<string> OffsiteRequests => Snapshot(_offsiteRequests);

    /// <summary>Every request the page sent.</summary>
    protected IReadOnlyList<string> Requests => Snapshot(_requests);

    /// <summary>Uncaught script errors and console errors of the page.</summary>
    protected IReadOnlyList<string> PageErrors => Snapshot(_pageErrors);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!SharedBrowser.IsInstalled)
        {
            Assert.Ignore($"Chromium is not installed at {SharedBrowser.ChromiumPath} (apt-get install -y chromium): browser tests skipped.");
        }

        _server = new PlaygroundServer(Settings);
        BaseAddress = _server.Start();
        _browser = await SharedBrowser.GetAsync();
    }

    [SetUp]
    public async Task OpenPageAsync()
    {
        lock (_requests)
        {
            _offsiteRequests.Clear();
            _requests.Clear();
            _pageErrors.Clear();
        }

        _context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "id-ID",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ReducedMotion = ReducedMotion.Reduce,
        });
        _context.SetDefaultTimeout(15_000);
        await _context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            var local = Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Scheme is "data" or "blob");
            lock (_requests)
            {
                _requests.Add(url);
                if (!local)
                {
                    _offsiteRequests.Add(url);
                }
            }

            if (local)
            {
                await route.ContinueAsync();
            }
            else
            {
                await route.AbortAsync("internetdisconnected");
            }
        });

        Page = await _context.NewPageAsync();
        Page.PageError += (_, error) => Record("pageerror: " + error);
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record("console: " + message.Text);
            }
        };
    }

    [TearDown]
    public async Task ClosePageAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
            _context = null;
        }
    }

    [OneTimeTearDown]
    public void StopServer() => _server?.Dispose();

    private void Record(string error)
    {
        lock (_requests)
        {
            _pageErrors.Add(error);
        }
    }

    private IReadOnlyList<string> Snapshot(List<string> list)
    {
        lock (_requests)
        {
            return [.. list];
        }
    }
}
