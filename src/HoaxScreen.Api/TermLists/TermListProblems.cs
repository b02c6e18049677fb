using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaxScreen.Api.TermLists;

/// <summary>The term-list routes' refusals, in plain words.</summary>
public static class TermListProblems
{
    public static ProblemHttpResult Off() => TypedResults.Problem(
        detail: "Term lists are off on this service: TermLists:Path is not configured. Set it to a term-list store (a SQLite " +
                "file; a missing file is created empty) to keep lists.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Term lists are off");

    public static ProblemHttpResult Unknown(string name) => TypedResults.Problem(
        detail: $"No term list named '{(name.Length <= 64 ? name : name[..64] + "…")}' is stored.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown term list");

    public static ProblemHttpResult StoreUnavailable(string action) => TypedResults.Problem(
        detail: $"The term-list store could not be {action}; nothing was changed. Retry shortly; if it persists, check the " +
                "service's log and the disk holding TermLists:Path (or the database of ConnectionStrings:HoaxScreen).",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Term-list store unavailable");
}
