using System.Net.Http.Headers;
using System.Text;
using HoaxScreen.Api.Security;

namespace HoaxScreen.Api.LabelStudio;

/// <summary>
/// Label Studio's ML-backend settings can send HTTP Basic auth but no custom header, so on <c>/labelstudio</c> the Basic
/// auth password is taken as the API key (the user name is ignored) when no <c>X-Api-Key</c> header is sent. Runs before
/// authentication, which then checks the key as for any route.
/// </summary>
public static class LabelStudioBasicAuth
{
    public static WebApplication UseLabelStudioBasicAuth(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments(LabelStudioEndpoints.Prefix)
                && !request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                && PasswordOf(request.Headers.Authorization.ToString()) is { Length: > 0 } password)
            {
                request.Headers[ApiKeyAuthenticationHandler.HeaderName] = password;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>The password of a <c>Basic</c> authorization header, or null when there is none or it is malformed.</summary>
    public static string? PasswordOf(string authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is not { } parameter)
        {
            return null;
        }

        var bytes = new byte[parameter.Length];
        if (!Convert.TryFromBase64String(parameter, bytes, out var written))
        {
            return null;
        }

        var credentials = Encoding.UTF8.GetString(bytes, 0, written);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : credentials[(colon + 1)..];
    }
}
