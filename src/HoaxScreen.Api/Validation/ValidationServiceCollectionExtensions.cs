using FluentValidation;

namespace HoaxScreen.Api.Validation;

public static class ValidationServiceCollectionExtensions
{
    /// <summary>Registers every FluentValidation validator in this assembly.</summary>
    public static IServiceCollection AddRequestValidation(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(ScreenRequestValidator).Assembly);
        return services;
    }
}
