using HoaxScreen.Api.Adaptation;
using HoaxScreen.Api.Claims;
using HoaxScreen.Api.Feedback;
using HoaxScreen.Api.TermLists;
using HoaxScreen.Api.Limits;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaxScreen.Api.Admin;

/// <summary>
/// <c>/admin</c>: operations for administrators: an <c>admin</c> API key when keys are on, only callers on this machine
/// while they are off, and a JSON body for every change (<see cref="SecurityExtensions.RequireAdminAccess"/>; the claims
/// import takes a file instead, see <see cref="FileBodyMetadata"/>).
/// </summary>
public static class AdminEndpoints
{
    public const string ReloadTrigger = "admin endpoint";

    public static RouteGroupBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin")
            .WithTags("Administration")
            .RequireAdminAccess()
            .WithMetadata(ClientRateLimitMetadata.Instance)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        admin.MapPost("/model/reload", ReloadModel)
            .WithName("ReloadModel")
            .WithSummary("Activate a model bundle while serving")
            .WithDescription(
                "Loads the bundle at `path` (default: the configured `Model:Path`, re-read from disk; otherwise a folder under " +
                "`Model:ReloadRoot`), checks it (manifest, model, output schema, every label the serving model scores, canary " +
                "posts) and swaps it in atomically. Requests already running finish with the model they started with; every " +
                "result names its model version. Send a JSON body with `Content-Type: application/json`: `{}` reloads the " +
                "configured bundle; a request without a JSON body answers 415. A bad bundle answers 422 (naming the bundle as " +
                "given, relative to `Model:ReloadRoot`) and the current model keeps serving; a reload already running answers " +
                "409. Needs an `admin` key when API keys are on; while none is configured, only callers on this machine " +
                "(loopback) may reload, others get 403.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapClaimAdminEndpoints();
        admin.MapTermListAdminEndpoints();
        admin.MapFeedbackAdminEndpoints();
        admin.MapAdaptationEndpoints();
        return admin;
    }

    public static async Task<Results<Ok<ModelReloadResponse>, ValidationProblem, ProblemHttpResult>> ReloadModel(
        ModelReloadRequest? request, ModelReloadPaths paths, ModelReloader reloader, CancellationToken cancellationToken)
    {
        // Null only for a JSON null: the group's JsonBodyFilter refuses a request without a JSON body.
        if (!paths.TryResolve(request?.Path, out var directory, out var error))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["path"] = [error!] });
        }

        var outcome = await reloader.ReloadAsync(directory, ReloadTrigger, waitIfBusy: false, cancellationToken);
        var extensions = new Dictionary<string, object?> { ["model"] = outcome.Serving.Version };
        return outcome.Status switch
        {
            ModelReloadStatus.Swapped => TypedResults.Ok(new ModelReloadResponse
            {
                Model = outcome.Serving.Version,
                PreviousModel = outcome.Previous!.Version,
                Directory = outcome.Directory,
                Labels = outcome.Serving.Model.Labels,
                LoadedAt = outcome.Serving.LoadedAt,
                ElapsedMilliseconds = outcome.ElapsedMilliseconds,
            }),
            ModelReloadStatus.Busy => TypedResults.Problem(
                detail: "Another model reload is in progress; retry when it has finished.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Reload in progress",
                extensions: extensions),
            _ => TypedResults.Problem(
                detail: $"{paths.WithoutServerPaths(outcome.Reason!, outcome.Directory)}. Model {outcome.Serving.Version} keeps serving.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Model bundle rejected",
                extensions: extensions),
        };
    }
}
