using HoaxScreen.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Hosts the API in memory in the Production environment (so tests see what staff see), serving the repository's
/// default model unless a setting says otherwise.
/// </summary>
internal sealed class HoaxScreenFactory(IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? loggerProvider = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ProductionHost.Configure(builder, settings);
        if (loggerProvider is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(loggerProvider));
        }
    }
}
