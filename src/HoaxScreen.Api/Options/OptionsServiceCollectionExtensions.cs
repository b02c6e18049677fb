using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Options;

public static class OptionsServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>Model</c> and <c>Screening</c>; invalid settings stop the host at start-up.</summary>
    public static IServiceCollection AddHoaxScreenOptions(this IServiceCollection services)
    {
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ModelOptions>, ModelOptionsValidator>();

        services.AddOptions<ScreeningOptions>().BindConfiguration(ScreeningOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScreeningOptions>, ScreeningOptionsValidator>();
        return services;
    }
}
