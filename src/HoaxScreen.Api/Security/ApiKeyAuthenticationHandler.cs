using System.Security.Claims;
using System.Text.Encodings.Web;
using HoaxScreen.Api.Errors;
using HoaxScreen.Api.LabelStudio;
using HoaxScreen.Api.Logging;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace HoaxScreen.Api.Security;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header (on <c>/labelstudio</c> also a Basic auth password) against <see cref="ApiKeyStore"/>. With no keys configured it never
/// authenticates anyone: the screening policy lets every request through, the admin policy only callers on this machine.
/// Challenges answer 401 and forbids 403, both as problem details.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!keys.Enabled || SentKey() is not { } values)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.Fail($"Send exactly one non-empty {HeaderName} header."));
        }

        if (keys.Find(values[0]!) is not var (name, role))
        {
            Logger.ApiKeyRejected(Request.Method, Request.Path);
            return Task.FromResult(AuthenticateResult.Fail($"The {HeaderName} header does not hold a valid API key."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)],
            SchemeName,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    // The X-Api-Key header; on the Label Studio routes, whose ML-backend settings can send HTTP Basic auth but no custom
    // header, the Basic password when no X-Api-Key is sent (the user name is ignored).
    private StringValues? SentKey()
    {
        if (Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return values;
        }

        return Request.Path.StartsWithSegments(LabelStudioEndpoints.Prefix)
            && BasicAuthPassword.Of(Request.Headers.Authorization.ToString()) is { Length: > 0 } password
                ? new StringValues(password)
                : (StringValues?)null;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await ProblemResponses.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            result.Failure?.Message ?? $"This endpoint needs an API key in the {HeaderName} header.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Logger.ApiKeyForbidden(Context.User.Identity?.Name ?? "?", Request.Method, Request.Path);
        return ProblemResponses.WriteAsync(
            Context,
            StatusCodes.Status403Forbidden,
            $"The API key '{Context.User.Identity?.Name}' does not have the role this endpoint needs ({ApiRoles.Admin}).");
    }
}
