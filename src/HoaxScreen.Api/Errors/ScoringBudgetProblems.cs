using HoaxScreen.Core.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaxScreen.Api.Errors;

/// <summary>The 422 answer for a post that would cost more to score than the <c>Screening</c> budget allows.</summary>
public static class ScoringBudgetProblems
{
    /// <param name="field">The post's field: <c>text</c>, or <c>items[i].text</c> in a batch.</param>
    /// <param name="exception">What was over the budget, and by how much.</param>
    public static ProblemHttpResult OverBudget(string field, ScoringBudgetException exception)
    {
        var message =
            $"{field} is {exception.NormalizedLength} characters once slang and repeated words are spelled out; at most " +
            $"{exception.Limit} are scored (Screening:MaxNormalizedLength). Shorten the post or split it.";
        return TypedResults.Problem(
            detail: message,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Over the scoring budget",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
    }
}
