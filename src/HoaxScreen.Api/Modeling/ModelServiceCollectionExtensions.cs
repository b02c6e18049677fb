using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoaxScreen.Api.Modeling;

public static class ModelServiceCollectionExtensions
{
    /// <summary>Registers the model holder (loaded at start-up) and the screening service.</summary>
    public static IServiceCollection AddModelServing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ModelHolder>();
        services.AddSingleton<PostScreener>();
        services.AddHostedService<ModelLoader>();
        return services;
    }
}
