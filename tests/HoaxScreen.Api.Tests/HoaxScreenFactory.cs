using HoaxScreen.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
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
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            var values = new Dictionary<string, string?> { ["Model:Path"] = RepoPaths.DefaultModel };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                values[key] = value;
            }

            configuration.AddInMemoryCollection(values);
        });
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            if (loggerProvider is not null)
            {
                logging.AddProvider(loggerProvider);
            }
        });
    }
}
