using HoaxScreen.Api.Hosting;
using HoaxScreen.Api.Options;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Claims;

public static class ClaimsServiceCollectionExtensions
{
    /// <summary>Known-hoax matching: the <c>Claims</c> options, the matcher holder and the store watch (all idle while off).</summary>
    public static IServiceCollection AddClaimMatching(this IServiceCollection services)
    {
        services.AddOptions<ClaimsOptions>().BindConfiguration(ClaimsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClaimsOptions>, ClaimsOptionsValidator>();
        services.AddSharedDatabase();
        services.AddSingleton<ClaimMatcherHolder>();
        services.AddHostedService<ClaimStoreWatcher>();
        return services;
    }
}
