using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaxScreen.Api.Claims;

/// <summary>Claim ids as they arrive in a route.</summary>
public static class ClaimIds
{
    /// <summary>
    /// The server decodes a path except <c>%2F</c>, which it keeps so as not to invent path segments; an id is one value
    /// whatever its slashes, so an encoded slash is decoded here (a URL id works sent as it is or percent-encoded).
    /// </summary>
    public static string FromRoute(string id) => id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The 400 for a route called without its id (<c>GET /v1/claims/</c>).</summary>
    public static ValidationProblem Missing(string route) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"id is required: {route}."] });
}
