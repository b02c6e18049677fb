using HoaxScreen.Api.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoaxScreen.Api.Modeling;

public static class ModelServiceCollectionExtensions
{
    /// <summary>
    /// Registers the model holder and its reloader (loaded at start-up), reload path rules, the optional folder watch
    /// and the instruments they count on (exported by <see cref="TelemetryExtensions.AddApiTelemetry"/>).
    /// </summary>
    public static IServiceCollection AddModelServing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<HoaxScreenMetrics>();
        services.AddSingleton<ModelHolder>();
        services.AddSingleton<ModelReloader>();
        services.AddSingleton<ModelReloadPaths>();
        services.AddHostedService<ModelStartup>();
        services.AddHostedService<ModelFolderWatcher>();
        return services;
    }
}
