using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.LabelStudio;

public static class LabelStudioServiceCollectionExtensions
{
    /// <summary>The <c>LabelStudio</c> options, checked at start-up (the routes themselves reuse scoring and feedback).</summary>
    public static IServiceCollection AddLabelStudio(this IServiceCollection services)
    {
        services.AddOptions<LabelStudioOptions>().BindConfiguration(LabelStudioOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LabelStudioOptions>, LabelStudioOptionsValidator>();
        return services;
    }
}
