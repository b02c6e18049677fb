using System.Data.Common;
using HoaxScreen.Api.Limits;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Core.Feedback;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaxScreen.Api.Feedback;

/// <summary>
/// <c>/v1/feedback</c>: moderators report their decisions on posts (stored with what the serving model said of each
/// at that moment), and read how well the model agrees with them. Same keys as screening.
/// </summary>
public static class FeedbackEndpoints
{
    public const string Tag = "Moderators' feedback";

    public static RouteGroupBuilder MapFeedbackEndpoints(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/feedback")
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        // Storing scores the post once, as /v1/screen does, so it shares the scoring concurrency cap.
        group.MapPost("", SubmitFeedback)
            .WithName("SubmitFeedback")
            .WithSummary("Report a moderator's decision on a post")
            .WithDescription(
                "Stores a moderator's decision: `labels` maps any subset of the serving model's labels to true (the post is " +
                "one) or false (it is not); a label left out is not judged and counts for nothing. `claimId` with " +
                "`claimCorrect` judges a known-claim match. At least one label or a claim judgement is required. The post is " +
                "scored with the serving model, and its version and per-label score and verdict are stored with the decision. " +
                "Answers 201 with the stored decision and its `id` (the store's; `clientId` is the `id` sent). `text` follows " +
                "the screening rules. Decisions are kept `Feedback:RetentionDays` days; texts and notes are never logged. " +
                "While `Feedback:Path` is not configured: 404.")
            .RequireRateLimiting(ScoringConcurrencyPolicy.Name)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/summary", GetFeedbackSummary)
            .WithName("GetFeedbackSummary")
            .WithSummary("How well the model agrees with its moderators")
            .WithDescription(
                "Per label: `decisions` that judged it, `positives` among them, how many the model had `flagged`, and the " +
                "model's `precision` (of the posts it flagged, the share moderators judged positive) and `recall` (of the " +
                "positive posts, the share it flagged), each against the model that served when the decision arrived; null " +
                "where undefined. `recent` gives the same over the last `days` days (default 30).")
            .ProducesValidationProblem();

        return group;
    }

    public static Results<Created<FeedbackRecord>, ValidationProblem, ProblemHttpResult> SubmitFeedback(
        FeedbackRequest request, FeedbackRecorder recorder)
    {
        var recording = recorder.Record(request);
        return recording.Stored is { } stored
            ? TypedResults.Created($"/admin/feedback/{stored.Id}", FeedbackRecord.From(stored))
            : recording.Problem!;
    }

    public static Results<Ok<FeedbackSummaryResponse>, ValidationProblem, ProblemHttpResult> GetFeedbackSummary(
        [AsParameters] FeedbackSummaryQuery query, FeedbackStoreHolder feedback, ModelHolder models, ILoggerFactory loggers)
    {
        if (!feedback.Enabled)
        {
            return FeedbackProblems.Off();
        }

        var model = models.Current;
        try
        {
            var summary = feedback.Store!.Summary(query.Days ?? FeedbackSummaryQuery.DefaultDays);
            return TypedResults.Ok(FeedbackSummaryResponse.From(summary, model.Version, model.Model.Labels));
        }
        catch (Exception ex) when (ex is DbException or FeedbackStoreException)
        {
            loggers.CreateLogger(typeof(FeedbackEndpoints)).FeedbackStoreFailed("read", ex.Message.Split('\n')[0]);
            return FeedbackProblems.StoreUnavailable("read");
        }
    }
}
