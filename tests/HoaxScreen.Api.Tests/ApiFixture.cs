namespace HoaxScreen.Api.Tests;

/// <summary>One in-memory API (and client) per test fixture, started before its tests and disposed after.</summary>
public abstract class ApiFixture
{
    internal HoaxScreenFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Configuration a fixture needs beyond the defaults (e.g. lowered limits).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public void StartApi()
    {
        Factory = new HoaxScreenFactory(Settings);
        Client = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopApi()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
