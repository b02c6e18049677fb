namespace HoaxScreen.Api.Adaptation;

public static class AdaptationServiceCollectionExtensions
{
    /// <summary>Adaptation jobs: one runner and the in-memory job list, stopped (and its job cancelled) with the host.</summary>
    public static IServiceCollection AddAdaptation(this IServiceCollection services)
    {
        services.AddSingleton<IAdaptJobRunner, AdaptationRunner>();
        services.AddSingleton<AdaptJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<AdaptJobs>());
        return services;
    }
}
