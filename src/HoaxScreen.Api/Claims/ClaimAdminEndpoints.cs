using System.Data.Common;
using System.Text;
using HoaxScreen.Api.Limits;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using HoaxScreen.Api.Security;
using HoaxScreen.Core.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Claims;

/// <summary>
/// <c>/admin/claims</c>: import a fact-check file into the store, delete a fact-check. Both apply to matching at once
/// (the matcher is rebuilt before the answer), on this replica; other replicas see the change at their next store check.
/// </summary>
public static class ClaimAdminEndpoints
{
    public const string MaxImportSetting = "Claims:MaxImportBytes";

    public static RouteGroupBuilder MapClaimAdminEndpoints(this RouteGroupBuilder admin)
    {
        var services = ((IEndpointRouteBuilder)admin).ServiceProvider;
        var group = admin.MapGroup("/claims")
            .WithTags(ClaimEndpoints.Tag)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("", ImportClaims)
            .WithName("ImportClaims")
            .WithSummary("Import a fact-check file")
            .WithDescription(
                "Adds or updates fact-checks by id from the file sent as the body, all in one transaction: a file with a bad " +
                "record changes nothing and answers 422 naming the line (or record). The format comes from `format` when given " +
                "(`csv`, `jsonl`, `claimreview`, `google`, `mafindo`), else from the content type: `text/csv` → csv; " +
                "`application/x-ndjson` or `application/jsonl` → jsonl (TurnBackHoax records recognised); `application/ld+json` " +
                "→ claimreview; `application/json` → told from the document (a Google Fact Check response, ClaimReview, an " +
                "array of TurnBackHoax or canonical records). `application/octet-stream` needs `format`. Other content types " +
                "(a form, `text/plain`, none) answer 415, so a web page elsewhere cannot forge an import. The file must be " +
                "UTF-8 and at most `Claims:MaxImportBytes` (64 MiB by default; 413 beyond). Records identical to the stored " +
                "ones are counted `unchanged`. Matching uses the new claims from the next request on. Needs an `admin` key " +
                "when API keys are on; while none is configured, only callers on this machine. While `Claims:Path` is not " +
                "configured: 404.")
            .WithMetadata(new FileBodyMetadata([.. ClaimImportBody.MediaTypes]), new RequestBodyLimitMetadata(() => services.GetRequiredService<IOptions<ClaimsOptions>>().Value.MaxImportBytes, MaxImportSetting))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapDelete("/{**id}", DeleteClaim)
            .WithName("DeleteClaim")
            .WithSummary("Delete a fact-check")
            .WithDescription(
                "Removes the fact-check stored under `id` (a URL id may be sent as it is or percent-encoded): 204, or 404 " +
                "when there is none. Matching stops listing it from the next request on. Needs an `admin` key when API keys " +
                "are on; while none is configured, only callers on this machine.")
            .Produces(StatusCodes.Status204NoContent);

        return group;
    }

    /// <param name="request">The request, whose body is the file.</param>
    /// <param name="format">The file's format when its content type does not say: csv, jsonl, claimreview, google or mafindo.</param>
    /// <param name="claims">The store and matcher.</param>
    /// <param name="loggers">For the import's log line.</param>
    /// <param name="cancellationToken">The request's.</param>
    public static async Task<Results<Ok<ClaimImportResponse>, ValidationProblem, ProblemHttpResult>> ImportClaims(
        HttpRequest request, [FromQuery] string? format, ClaimMatcherHolder claims, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(ClaimAdminEndpoints));
        if (!claims.Enabled)
        {
            return ClaimProblems.Off();
        }

        ClaimFormat? chosen = null;
        if (format is not null && (chosen = ClaimFormats.Parse(format)) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["format"] = [$"format must be one of {string.Join(", ", ClaimFormats.Names)}; it is '{ClaimProblems.Shorten(format)}'."],
            });
        }

        if (!ClaimImportBody.IsUtf8OrUnstated(request.ContentType))
        {
            return TypedResults.Problem(
                "A claims file must be UTF-8: send it with charset=utf-8 (or no charset), after saving it as UTF-8.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var body = await ClaimImportBody.ReadAsync(request, cancellationToken);
        if (body.Length == 0)
        {
            return BadFile("The body is empty: send the claims file as the request body (e.g. curl --data-binary @claims.csv).");
        }

        string text;
        try
        {
            text = ClaimImportBody.Decode(body);
        }
        catch (DecoderFallbackException)
        {
            return BadFile("The file is not valid UTF-8 text: save it as UTF-8 and send it again. Nothing was imported.");
        }

        ClaimImportBatch batch;
        try
        {
            var resolved = chosen ?? ClaimImportBody.FormatOf(ClaimImportBody.MediaType(request.ContentType) ?? string.Empty, text);
            if (resolved is not { } known)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["format"] = [$"format is required with Content-Type {ClaimImportBody.OctetStream}: add ?format= with one of {string.Join(", ", ClaimFormats.Names)}."],
                });
            }

            batch = ClaimImport.Load(new StringReader(text), ClaimImportBody.Name, known);
        }
        catch (ClaimImportException ex)
        {
            var (message, line) = ClaimImportBody.Plain(ex.Message);
            logger.ClaimImportRefused(message);
            var extensions = new Dictionary<string, object?>();
            if (line is { } number)
            {
                extensions["line"] = number;
            }

            return TypedResults.Problem(
                detail: $"The file was not imported and the store is unchanged: {message}",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Claims file rejected",
                extensions: extensions);
        }

        ClaimUpsertResult result;
        try
        {
            result = claims.Store!.Upsert(batch.Claims);
        }
        catch (Exception ex) when (ex is DbException or ClaimStoreException)
        {
            logger.ClaimStoreFailed("written", ex.Message.Split('\n')[0]);
            return ClaimProblems.StoreUnavailable("written");
        }

        logger.ClaimsImported(ClaimFormats.Name(batch.Format), batch.Records, result.Added, result.Updated, result.Unchanged, result.Total, result.Revision);
        ApplyNow(claims, logger);
        return TypedResults.Ok(ClaimImportResponse.From(batch, result));
    }

    public static Results<NoContent, ValidationProblem, ProblemHttpResult> DeleteClaim(string? id, ClaimMatcherHolder claims, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(ClaimAdminEndpoints));
        if (!claims.Enabled)
        {
            return ClaimProblems.Off();
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            return ClaimIds.Missing("DELETE /admin/claims/{id}");
        }

        var claimId = ClaimIds.FromRoute(id);
        bool deleted;
        try
        {
            deleted = claims.Store!.Delete(claimId);
        }
        catch (Exception ex) when (ex is DbException or ClaimStoreException)
        {
            logger.ClaimStoreFailed("written", ex.Message.Split('\n')[0]);
            return ClaimProblems.StoreUnavailable("written");
        }

        if (!deleted)
        {
            return ClaimProblems.UnknownClaim(claimId);
        }

        ApplyNow(claims, logger);
        logger.ClaimDeleted(claimId, claims.Store!.Revision);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult BadFile(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad claims file");

    /// <summary>
    /// Rebuilds the matcher before answering, so the caller's next request already matches against the change. The
    /// change is stored whatever happens here: a failed rebuild keeps the previous matcher and the watcher retries.
    /// </summary>
    private static void ApplyNow(ClaimMatcherHolder claims, ILogger logger)
    {
        try
        {
            claims.Refresh();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.ClaimMatcherRefreshFailed(ex.Message.Split('\n')[0]);
        }
    }
}
