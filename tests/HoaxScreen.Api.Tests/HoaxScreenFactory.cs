using System.Net;
using HoaxScreen.Api.Hosting;
using HoaxScreen.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Hosts the API in memory in the Production environment (so tests see what staff see), serving the repository's
/// default model unless a setting says otherwise.
/// <para>
/// The in-memory test server has no network connection, so its requests carry no remote address, and the service
/// treats such a caller as not on this machine (admin routes refuse it while no API keys are configured). Tests stand
/// in for a caller on this machine, as <c>curl localhost</c> would be, by giving requests without an address
/// <see cref="InMemoryRemoteAddress"/> (loopback unless a test says otherwise; null leaves them without one). Over a
/// real Kestrel socket the connection's own address is kept.
/// </para>
/// </summary>
internal sealed class HoaxScreenFactory(IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? loggerProvider = null)
    : WebApplicationFactory<Program>
{
    public IPAddress? InMemoryRemoteAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Middleware a test appends after the app's own (it sees requests no endpoint answered), e.g. one that throws.</summary>
    public Action<IApplicationBuilder>? AfterApp { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ProductionHost.Configure(builder, settings);

        // The service runs its start-up steps itself to turn a failure into an exit code, which only a process has. In
        // memory the host's own start does the same work (ValidateOnStart, the model loader), and the factory hands a
        // failure to the test as the exception. It also spares each of the run's hosts a compacting collection.
        builder.ConfigureServices(services => services.RemoveAll<IStartupStep>());
        if (loggerProvider is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(loggerProvider));
        }

        if (InMemoryRemoteAddress is { } address)
        {
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(address)));
        }

        if (AfterApp is { } after)
        {
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new AfterAppFilter(after)));
        }
    }

    private sealed class AfterAppFilter(Action<IApplicationBuilder> after) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            after(app);
        };
    }

    /// <summary>Runs before the app's own middleware: gives a request without a remote address the test's one.</summary>
    private sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
