using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace HoaxScreen.Tests.Shared;

/// <summary>
/// How every test host runs the API: the Production environment (so tests see what staff see), the repository's
/// default model unless a setting says otherwise, and no logging providers of its own.
/// </summary>
internal static class ProductionHost
{
    public static void Configure(IWebHostBuilder builder, IReadOnlyDictionary<string, string?>? settings)
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
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }
}
