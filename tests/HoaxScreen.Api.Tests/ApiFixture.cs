namespace HoaxScreen.Api.Tests;

/// <summary>One in-memory API (and client) per test fixture, started before its tests and disposed after.</summary>
public abstract class ApiFixture
{
    internal HoaxScreenFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Configuration a fixture needs beyond the defaults (e.g. lowered limits).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>Serve over a real Kestrel socket on a free loopback port instead of the in-memory test server.</summary>
    protected virtual bool UseKestrel => false;

    /// <summary>
    /// The remote address in-memory requests appear to come from (see <see cref="HoaxScreenFactory"/>): loopback, a caller on
    /// this machine, unless a fixture says otherwise; null for none.
    /// </summary>
    protected virtual System.Net.IPAddress? InMemoryRemoteAddress => System.Net.IPAddress.Loopback;

    /// <summary>A logger provider to receive the app's logs (none by default).</summary>
    protected virtual Microsoft.Extensions.Logging.ILoggerProvider? LoggerProvider => null;

    [OneTimeSetUp]
    public void StartApi()
    {
        Factory = new HoaxScreenFactory(Settings, LoggerProvider) { InMemoryRemoteAddress = InMemoryRemoteAddress };
        if (UseKestrel)
        {
            Factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        }

        Client = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopApi()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
