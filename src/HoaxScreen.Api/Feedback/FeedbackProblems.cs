using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaxScreen.Api.Feedback;

/// <summary>The feedback routes' refusals, in plain words.</summary>
public static class FeedbackProblems
{
    public static ProblemHttpResult Off() => TypedResults.Problem(
        detail: "Moderators' feedback is off on this service: Feedback:Path is not configured. Set it to a feedback store (a " +
                "SQLite file; a missing file is created empty) to keep moderators' decisions.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Feedback is off");

    public static ProblemHttpResult Unknown(long id) => TypedResults.Problem(
        detail: $"No feedback decision with id {id} is stored (it may have been deleted, or expired after Feedback:RetentionDays).",
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown feedback decision");

    public static ProblemHttpResult StoreUnavailable(string action) => TypedResults.Problem(
        detail: $"The feedback store could not be {action}; nothing was changed. Retry shortly; if it persists, check the " +
                "service's log and the disk holding Feedback:Path (or the database of ConnectionStrings:HoaxScreen).",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Feedback store unavailable");
}
