using System.Net;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using Microsoft.AspNetCore.Authorization;

namespace HoaxScreen.Api.Security;

/// <summary>
/// Part of the <c>admin</c> policy: while no API key is configured, only a caller on this machine (a loopback
/// connection) may use the endpoint. With keys on it is always met, and the <see cref="ApiRoleRequirement"/> beside it
/// asks for an admin key.
/// </summary>
public sealed class LocalAdminRequirement : IAuthorizationRequirement
{
    public static LocalAdminRequirement Instance { get; } = new();

    /// <summary>What a caller from elsewhere is told (403) while keys are off.</summary>
    public static readonly string RefusalDetail =
        $"Admin routes are open only to this machine while no API keys are configured ({SecurityOptions.SectionName}:ApiKeys). " +
        $"Configure an admin key ({SecurityOptions.SectionName}:ApiKeys:0:Key with {SecurityOptions.SectionName}:ApiKeys:0:Role={ApiRoles.Admin}) " +
        $"and send it in the {ApiKeyAuthenticationHandler.HeaderName} header to call them from elsewhere.";

    private LocalAdminRequirement()
    {
    }

    /// <summary>
    /// True for a request whose connection comes from a loopback address (127.0.0.0/8, ::1, or IPv4 loopback mapped to
    /// IPv6). Only the connection counts: <c>X-Forwarded-For</c> and similar headers are anyone's to write. A request
    /// without a remote address (no network connection, e.g. an in-memory test server) is not local.
    /// </summary>
    public static bool IsLocal(HttpContext context) => context.Connection.RemoteIpAddress is { } address && IsLoopback(address);

    internal static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>Whether <paramref name="context"/> is refused by this requirement (keys off, caller not on this machine).</summary>
    public static bool Refuses(ApiKeyStore keys, HttpContext context) => !keys.Enabled && !IsLocal(context);
}

/// <summary>Checks <see cref="LocalAdminRequirement"/>; a refusal is answered by <see cref="ApiAuthorizationResultHandler"/>.</summary>
public sealed class LocalAdminAuthorizationHandler(ApiKeyStore keys, ILogger<LocalAdminAuthorizationHandler> logger)
    : AuthorizationHandler<LocalAdminRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LocalAdminRequirement requirement)
    {
        if (context.Resource is HttpContext http && LocalAdminRequirement.Refuses(keys, http))
        {
            logger.AdminRefusedRemote(http.Request.Method, http.Request.Path, http.Connection.RemoteIpAddress?.ToString() ?? "no address");
            context.Fail(new AuthorizationFailureReason(this, LocalAdminRequirement.RefusalDetail));
        }
        else
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
