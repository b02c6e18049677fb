using System.Data.Common;
using HoaxScreen.Api.Errors;
using HoaxScreen.Api.Limits;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Claims;

/// <summary><c>/v1/claims</c>: look up the known claims (published fact-checks) a text may repeat, and read one.</summary>
public static class ClaimEndpoints
{
    public const string Tag = "Known claims";

    public static RouteGroupBuilder MapClaimEndpoints(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/claims")
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        // Matching costs CPU as scoring does, so it shares the scoring concurrency cap.
        group.MapPost("/search", SearchClaims)
            .WithName("SearchClaims")
            .WithSummary("Find the known claims a text may repeat")
            .WithDescription(
                "Matches `text` against the fact-check store as `/v1/screen` does for `knownClaims`, but lists every candidate " +
                "the matcher retrieved, most probable first, up to `top` (default 5, at most 20): each with the debunk's `id`, " +
                "`claim`, `verdict`, `rating`, `url`, `publisher`, `published`, the calibrated probability `score` and the " +
                "`decision`: `match` (confident; only the best candidate can be one, and never for a post under 8 words), " +
                "`suggest` (a moderator should confirm) or `none`. `text` follows the screening rules (required, not blank, at " +
                "most `Screening:MaxTextLength` characters; 422 beyond `Screening:MaxNormalizedLength` once normalised). While " +
                "`Claims:Path` is not configured the claims routes answer 404 saying so.")
            .RequireRateLimiting(ScoringConcurrencyPolicy.Name)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        // A catch-all id: ClaimReview and Google Fact Check ids are the review's URL, slashes and all.
        group.MapGet("/{**id}", GetClaim)
            .WithName("GetClaim")
            .WithSummary("Read one fact-check")
            .WithDescription(
                "The fact-check stored under `id`: `id`, `claim`, `verdict`, `rating`, `url`, `publisher`, `published`, " +
                "`language`, `text` (the claim as it circulated, when known) and `importedAt`. An id that is a URL may be sent " +
                "as it is or percent-encoded (`https%3A%2F%2Fexample.org%2F...`). An unknown id answers 404.");

        return group;
    }

    public static Results<Ok<ClaimSearchResponse>, ValidationProblem, ProblemHttpResult> SearchClaims(
        ClaimSearchRequest request, ClaimMatcherHolder claims, IOptions<ScreeningOptions> options)
    {
        if (!claims.Enabled)
        {
            return ClaimProblems.Off();
        }

        if (claims.Current is not { } matcher)
        {
            return ClaimProblems.MatcherNotReady();
        }

        var limit = options.Value.MaxNormalizedLength;
        var normalized = matcher.Normalizer.Normalize(request.Text ?? string.Empty);
        if (normalized.Length > limit)
        {
            return ScoringBudgetProblems.OverBudget("text", new ScoringBudgetException(0, normalized.Length, limit));
        }

        var matches = matcher.CandidatesNormalized(normalized).Take(request.Top).Select(KnownClaim.From).ToList();
        return TypedResults.Ok(new ClaimSearchResponse { Matches = matches });
    }

    public static Results<Ok<FactCheckRecord>, ValidationProblem, ProblemHttpResult> GetClaim(string? id, ClaimMatcherHolder claims, ILoggerFactory loggers)
    {
        if (!claims.Enabled)
        {
            return ClaimProblems.Off();
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            return ClaimIds.Missing("GET /v1/claims/{id}");
        }

        var claimId = ClaimIds.FromRoute(id);
        FactCheck? claim;
        try
        {
            claim = claims.Store!.Get(claimId);
        }
        catch (Exception ex) when (ex is DbException or ClaimStoreException)
        {
            loggers.CreateLogger(typeof(ClaimEndpoints)).ClaimStoreFailed("read", ex.Message.Split('\n')[0]);
            return ClaimProblems.StoreUnavailable("read");
        }

        return claim is null ? ClaimProblems.UnknownClaim(claimId) : TypedResults.Ok(FactCheckRecord.From(claim));
    }
}
