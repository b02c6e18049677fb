using HoaxScreen.Api.Options;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Security;

public static class SecurityExtensions
{
    /// <summary>API-key authentication and the <c>screening</c> / <c>admin</c> policies (which pass everyone while no key is configured).</summary>
    public static IServiceCollection AddApiSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddSingleton<ApiKeyStore>();

        // The core services only: the full AddAuthentication also brings data protection, which would create and store a
        // key ring at start-up that nothing here uses.
        services.AddWebEncoders();
        services.AddAuthenticationCore(options =>
        {
            options.DefaultScheme = ApiKeyAuthenticationHandler.SchemeName;
            options.AddScheme<ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        });
        services.AddSingleton<IAuthorizationHandler, ApiRoleAuthorizationHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiRoles.ScreeningPolicy, policy => policy.AddRequirements(new ApiRoleRequirement(ApiRoles.Screening, ApiRoles.Admin)))
            .AddPolicy(ApiRoles.AdminPolicy, policy => policy.AddRequirements(new ApiRoleRequirement(ApiRoles.Admin)));
        return services;
    }

    /// <summary>Authentication then authorization; endpoints opt in with <see cref="ApiRoles"/> policies, health and Swagger stay open.</summary>
    public static WebApplication UseApiSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
