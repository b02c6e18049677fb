using System.Net;
using HoaxScreen.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HoaxScreen.Browser.Tests;

/// <summary>
/// The real app on a real loopback socket (a browser cannot reach the in-memory test server), in the Production
/// environment, serving the repository's default model unless a setting says otherwise.
/// </summary>
internal sealed class PlaygroundServer(IReadOnlyDictionary<string, string?>? settings) : WebApplicationFactory<Program>
{
    /// <summary>Starts Kestrel on a free loopback port and returns its address.</summary>
    public Uri Start()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        using var client = CreateClient();
        return client.BaseAddress ?? throw new InvalidOperationException("The server reported no address.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => ProductionHost.Configure(builder, settings);
}
