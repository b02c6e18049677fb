using System.Net.Http.Headers;
using System.Text;

namespace HoaxScreen.Api.Security;

/// <summary>The password of an HTTP Basic <c>Authorization</c> header (Label Studio sends its API key that way).</summary>
public static class BasicAuthPassword
{
    /// <summary>The password of a <c>Basic</c> authorization header, or null when there is none or it is malformed.</summary>
    public static string? Of(string authorization)
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
