using HoaxScreen.Api.Options;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Security;

public static class SecurityExtensions
{
    /// <summary>
    /// API-key authentication and the <c>screening</c> / <c>admin</c> policies. While no key is configured, the screening
    /// policy passes everyone and the admin policy only callers on this machine (<see cref="LocalAdminRequirement"/>);
    /// a warning at start-up says so.
    /// </summary>
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
        services.AddSingleton<IAuthorizationHandler, LocalAdminAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiRoles.ScreeningPolicy, policy => policy.AddRequirements(new ApiRoleRequirement(ApiRoles.Screening, ApiRoles.Admin)))
            .AddPolicy(ApiRoles.AdminPolicy, policy => policy.AddRequirements(new ApiRoleRequirement(ApiRoles.Admin), LocalAdminRequirement.Instance));
        services.AddHostedService<ApiKeysOffWarning>();
        return services;
    }

    /// <summary>Authentication then authorization; endpoints opt in with <see cref="ApiRoles"/> policies, health and Swagger stay open.</summary>
    public static WebApplication UseApiSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// The rules of every route that changes the service's state (the <c>/admin</c> group; a route joins them by being
    /// mapped in it): the <c>admin</c> policy (an admin key when keys are on; only this machine while they are off) and
    /// a JSON body for POST, PUT and PATCH (<see cref="JsonBodyFilter"/>: 415 otherwise), so a web page elsewhere cannot
    /// forge a request.
    /// </summary>
    public static RouteGroupBuilder RequireAdminAccess(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(ApiRoles.AdminPolicy)
            .AddEndpointFilter(JsonBodyFilter.InvokeAsync)
            .WithMetadata(JsonBodyRequiredMetadata.Instance)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return group;
    }
}
