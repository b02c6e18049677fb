using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaxScreen.Api.Claims;

/// <summary>The claims routes' refusals, in plain words.</summary>
public static class ClaimProblems
{
    public const string OffTitle = "Known claims are off";

    /// <summary>
    /// Every claims route while <c>Claims:Path</c> is absent: 404, since on this service the claims resource does not
    /// exist (nothing to retry, unlike a 503), with the setting to configure.
    /// </summary>
    public static ProblemHttpResult Off() => TypedResults.Problem(
        detail: "Known-claim matching is off on this service: Claims:Path is not configured. Set Claims:Path to a claims " +
                "store (a SQLite file; a missing file is created empty) to search, read and import fact-checks.",
        statusCode: StatusCodes.Status404NotFound,
        title: OffTitle);

    public static ProblemHttpResult UnknownClaim(string id) => TypedResults.Problem(
        detail: $"No fact-check with id '{Shorten(id)}' is in the claims store.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown claim");

    /// <summary>The store could not be read or written (locked by another writer for too long, disk full, ...).</summary>
    public static ProblemHttpResult StoreUnavailable(string action) => TypedResults.Problem(
        detail: $"The claims store could not be {action}; nothing was changed. Retry shortly; if it persists, check the " +
                "service's log and the disk holding Claims:Path (or the database of ConnectionStrings:HoaxScreen).",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Claims store unavailable");

    /// <summary>Matching is on but its first build has not succeeded (the watcher retries).</summary>
    public static ProblemHttpResult MatcherNotReady() => TypedResults.Problem(
        detail: "Known-claim matching is not ready yet (its index is still being built, or the last build failed); retry shortly.",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Matcher not ready");

    internal static string Shorten(string value) => value.Length <= 200 ? value : value[..200] + "…";
}
