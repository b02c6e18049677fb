using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoaxScreen.Api.Modeling;

public static class ModelServiceCollectionExtensions
{
    /// <summary>Registers the model holder (loaded at start-up), reload path rules, the optional folder watch and the screening service.</summary>
    public static IServiceCollection AddModelServing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ModelHolder>();
        services.AddSingleton<ModelReloadPaths>();
        services.AddSingleton<PostScreener>();
        services.AddHostedService<ModelLoader>();
        services.AddHostedService<ModelFolderWatcher>();
        return services;
    }
}
