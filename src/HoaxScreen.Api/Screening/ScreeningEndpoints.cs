using HoaxScreen.Api.Errors;
using HoaxScreen.Api.Limits;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Core.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaxScreen.Api.Screening;

/// <summary><c>/v1/screen</c>: score posts.</summary>
public static class ScreeningEndpoints
{
    public static RouteGroupBuilder MapScreeningEndpoints(this RouteGroupBuilder v1)
    {
        // Scoring is the CPU-heavy work: its concurrency is capped (503 with Retry-After when the queue is full).
        var group = v1.MapGroup("/screen")
            .WithTags("Screening")
            .RequireRateLimiting(ScoringConcurrencyPolicy.Name)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("", Screen)
            .WithName("ScreenPost")
            .WithSummary("Screen one post")
            .WithDescription(
                "Scores one post for every label of the served model (hoax, hate_speech, abusive, sara, ...). Each label gets a " +
                "probability `score`, its decision `threshold` and `flagged` (score ≥ threshold); the post is `flagged` when any " +
                "label is. The optional `id` is echoed. With `\"explain\": true` the result also carries `explanations`: for each " +
                "flagged label (every label with `explainAllLabels`), up to `topWords` (default 5, at most 20) words that drove " +
                "its score, strongest first, each distinct word once with `text`, `start` and `length` of its first occurrence " +
                "(UTF-16 offsets into the original `text`, so disguised spellings such as `a*jing` are highlighted as written), " +
                "`spans` (every occurrence) with their `count`, and `weight` (the drop in log-odds without any occurrence of the " +
                "word). Function words and fillers (yang, di, lo, ...) are listed only when they clearly outweigh every other " +
                "word. Without `explain` the property is absent. Invalid input answers 400 with a field-level `errors` map; a " +
                "text longer than `Screening:MaxNormalizedLength` once slang and repeated words are spelled out answers 422. " +
                "An explanation re-scores the post once per word it occludes, within `Screening:ExplainBudgetCharacters`: a " +
                "long post is explained over its strongest words.")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/batch", ScreenBatch)
            .WithName("ScreenBatch")
            .WithSummary("Screen a batch of posts")
            .WithDescription(
                "Scores up to `Screening:MaxBatchSize` posts (256 by default) in one pass. Results come back in the order of " +
                "`items`, each shaped like a single-post result. Items that set `explain` are explained as in a single-post " +
                "request (and cost more; they share one explanation budget); the rest are scored together. The texts may add up " +
                "to `Screening:MaxBatchTextLength` characters. Item errors are keyed by position, e.g. `items[3].text`.")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return group;
    }

    public static Results<Ok<ScreenResponse>, ValidationProblem, ProblemHttpResult> Screen(
        ScreenRequest request, PostScreener screener, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(screener.Screen(request, cancellationToken));
        }
        catch (ScoringBudgetException ex)
        {
            return ScoringBudgetProblems.OverBudget("text", ex);
        }
    }

    public static Results<Ok<BatchScreenResponse>, ValidationProblem, ProblemHttpResult> ScreenBatch(
        BatchScreenRequest request, PostScreener screener, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(screener.ScreenBatch(request, cancellationToken));
        }
        catch (ScoringBudgetException ex)
        {
            return ScoringBudgetProblems.OverBudget($"items[{ex.Index}].text", ex);
        }
    }
}
