using System.Data.Common;
using System.Text;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Validation;
using HoaxScreen.Core.Feedback;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaxScreen.Api.Feedback;

/// <summary><c>/admin/feedback</c>: list, export and delete the moderators' stored decisions.</summary>
public static class FeedbackAdminEndpoints
{
    public static RouteGroupBuilder MapFeedbackAdminEndpoints(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/feedback")
            .AddEndpointFilterFactory(ValidationFilter.Create)
            .WithTags(FeedbackEndpoints.Tag)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("", ListFeedback)
            .WithName("ListFeedback")
            .WithSummary("List the stored decisions")
            .WithDescription(
                "A page of stored decisions, newest first: `total`, `page`, `pageSize` (default 50, at most 500) and `items`, " +
                "each as `POST /v1/feedback` answered it. While `Feedback:Path` is not configured: 404.")
            .ProducesValidationProblem();

        group.MapGet("/export", ExportFeedback)
            .WithName("ExportFeedback")
            .WithSummary("Export the decisions as training data")
            .WithDescription(
                "Every decision that judged a label, oldest first, in the canonical data format that `train --data`, " +
                "`evaluate --data` and `adapt --feedback` read: `format=csv` (default; columns `id`, `text`, then one per " +
                "judged label with 1, 0, or empty where not judged) or `format=jsonl` (one object per line; a label not " +
                "judged is absent).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();

        group.MapGet("/{id:long}", GetFeedback)
            .WithName("GetFeedback")
            .WithSummary("Read one stored decision")
            .WithDescription("The decision with that `id`, as `POST /v1/feedback` answered it; 404 when there is none.");

        group.MapDelete("/{id:long}", DeleteFeedback)
            .WithName("DeleteFeedback")
            .WithSummary("Delete a stored decision")
            .WithDescription("Removes the decision: 204, or 404 when there is none of that id.")
            .Produces(StatusCodes.Status204NoContent);

        return group;
    }

    public static Results<Ok<FeedbackPage>, ValidationProblem, ProblemHttpResult> ListFeedback(
        [AsParameters] FeedbackPageQuery query, FeedbackStoreHolder feedback, ILoggerFactory loggers)
    {
        if (!feedback.Enabled)
        {
            return FeedbackProblems.Off();
        }

        var (page, size) = (query.Page ?? 1, query.PageSize ?? FeedbackPageQuery.DefaultPageSize);
        try
        {
            var store = feedback.Store!;
            var items = store.Page((int)Math.Min((long)(page - 1) * size, int.MaxValue), size).Select(FeedbackRecord.From).ToList();
            return TypedResults.Ok(new FeedbackPage(store.Count(), page, size, items));
        }
        catch (Exception ex) when (ex is DbException or FeedbackStoreException)
        {
            return StoreFailed(loggers, "read", ex);
        }
    }

    public static Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult> ExportFeedback(
        string? format, FeedbackStoreHolder feedback, ILoggerFactory loggers)
    {
        if (!feedback.Enabled)
        {
            return FeedbackProblems.Off();
        }

        if (FeedbackExport.Parse(format ?? "csv") is not { } exportFormat)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["format"] = [$"format must be csv or jsonl; it is '{(format!.Length <= 32 ? format : format[..32] + "…")}'."],
            });
        }

        // Built in memory: the store is read synchronously, and Kestrel refuses synchronous writes to a response.
        try
        {
            using var writer = new StringWriter();
            FeedbackExport.Write(feedback.Store!, writer, exportFormat);
            var (contentType, name) = exportFormat == FeedbackExportFormat.Csv
                ? ("text/csv; charset=utf-8", "feedback.csv")
                : ("application/x-ndjson; charset=utf-8", "feedback.jsonl");
            return TypedResults.File(new UTF8Encoding(false).GetBytes(writer.ToString()), contentType, name);
        }
        catch (Exception ex) when (ex is DbException or FeedbackStoreException)
        {
            return StoreFailed(loggers, "read", ex);
        }
    }

    public static Results<Ok<FeedbackRecord>, ProblemHttpResult> GetFeedback(long id, FeedbackStoreHolder feedback, ILoggerFactory loggers)
    {
        if (!feedback.Enabled)
        {
            return FeedbackProblems.Off();
        }

        try
        {
            return feedback.Store!.Get(id) is { } decision ? TypedResults.Ok(FeedbackRecord.From(decision)) : FeedbackProblems.Unknown(id);
        }
        catch (Exception ex) when (ex is DbException or FeedbackStoreException)
        {
            return StoreFailed(loggers, "read", ex);
        }
    }

    public static Results<NoContent, ProblemHttpResult> DeleteFeedback(long id, FeedbackStoreHolder feedback, ILoggerFactory loggers)
    {
        if (!feedback.Enabled)
        {
            return FeedbackProblems.Off();
        }

        try
        {
            if (!feedback.Store!.Delete(id))
            {
                return FeedbackProblems.Unknown(id);
            }

            loggers.CreateLogger(typeof(FeedbackAdminEndpoints)).FeedbackDeleted(id);
            return TypedResults.NoContent();
        }
        catch (Exception ex) when (ex is DbException or FeedbackStoreException)
        {
            return StoreFailed(loggers, "written", ex);
        }
    }

    /// <summary>A store that cannot be reached answers 503 (and a warning in the log) instead of a 500.</summary>
    private static ProblemHttpResult StoreFailed(ILoggerFactory loggers, string action, Exception exception)
    {
        loggers.CreateLogger(typeof(FeedbackAdminEndpoints)).FeedbackStoreFailed(action, exception.Message.Split('\n')[0]);
        return FeedbackProblems.StoreUnavailable(action);
    }
}
