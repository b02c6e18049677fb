using HoaxScreen.Api.Contracts;
using HoaxScreen.Api.Limits;
using HoaxScreen.Api.Modeling;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaxScreen.Api.Endpoints;

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
                "word. Without `explain` the property is absent. Invalid input answers 400 with a field-level `errors` map.")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/batch", ScreenBatch)
            .WithName("ScreenBatch")
            .WithSummary("Screen a batch of posts")
            .WithDescription(
                "Scores up to `Screening:MaxBatchSize` posts (256 by default) in one pass. Results come back in the order of " +
                "`items`, each shaped like a single-post result. Items that set `explain` are explained as in a single-post " +
                "request (and cost more); the rest are scored together. Item errors are keyed by position, e.g. `items[3].text`.")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return group;
    }

    public static Results<Ok<ScreenResponse>, ValidationProblem> Screen(ScreenRequest request, PostScreener screener) =>
        TypedResults.Ok(screener.Screen(request));

    public static Results<Ok<BatchScreenResponse>, ValidationProblem> ScreenBatch(BatchScreenRequest request, PostScreener screener) =>
        TypedResults.Ok(screener.ScreenBatch(request));
}
