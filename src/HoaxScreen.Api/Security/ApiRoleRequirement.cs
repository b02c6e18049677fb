using Microsoft.AspNetCore.Authorization;

namespace HoaxScreen.Api.Security;

/// <summary>
/// Met when keys are off, or when the caller's key has one of <see cref="Roles"/>. (Without keys the admin policy also
/// has <see cref="LocalAdminRequirement"/>.)
/// </summary>
public sealed class ApiRoleRequirement(params string[] roles) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>Checks <see cref="ApiRoleRequirement"/> against the key the request authenticated with.</summary>
public sealed class ApiRoleAuthorizationHandler(ApiKeyStore keys) : AuthorizationHandler<ApiRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiRoleRequirement requirement)
    {
        if (!keys.Enabled || requirement.Roles.Any(context.User.IsInRole))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
