using HoaxScreen.Api.Options;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Risks;

public static class RisksServiceCollectionExtensions
{
    /// <summary>Risk rules: the <c>Risks</c> options, checked at start-up, and the loaded rules.</summary>
    public static IServiceCollection AddRiskRules(this IServiceCollection services)
    {
        services.AddOptions<RisksOptions>().BindConfiguration(RisksOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RisksOptions>, RisksOptionsValidator>();
        services.AddSingleton<RiskRulesHolder>();
        return services;
    }
}
