using HoaxScreen.Api.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace HoaxScreen.Api.Security;

/// <summary>
/// Answers a <see cref="LocalAdminRequirement"/> refusal with 403 problem details that name the setting to configure.
/// Without keys nobody authenticates, so the framework would otherwise answer a failed policy with a 401 challenge
/// for a key the service does not accept yet. Every other outcome goes to the framework's handler (401 challenge, 403
/// for a key without the role).
/// </summary>
public sealed class ApiAuthorizationResultHandler(ApiKeyStore keys) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Succeeded
            && policy.Requirements.Contains(LocalAdminRequirement.Instance)
            && LocalAdminRequirement.Refuses(keys, context))
        {
            return ProblemResponses.WriteAsync(context, StatusCodes.Status403Forbidden, LocalAdminRequirement.RefusalDetail);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
