using HoaxScreen.Api.Admin;
using HoaxScreen.Api.Feedback;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Api.Validation;
using HoaxScreen.Core.Adaptation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaxScreen.Api.Adaptation;

/// <summary>
/// <c>/admin/model/adapt</c>: adapt the serving model to the moderators' stored decisions in a background job, follow
/// it, and go back to the model it started from. Both swaps go through the validated hot reload.
/// </summary>
public static class AdaptationEndpoints
{
    public static RouteGroupBuilder MapAdaptationEndpoints(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/model/adapt")
            .AddEndpointFilterFactory(ValidationFilter.Create);

        group.MapPost("", StartAdaptation)
            .WithName("StartAdaptation")
            .WithSummary("Adapt the serving model to the moderators' feedback")
            .WithDescription(
                "Starts a background job (202 with `job`, `status` and `location`) that reads every decision in the feedback " +
                "store (`Feedback:Path`), adapts the serving model to them as `adapt` does (`method`, default `local`), writes " +
                "the sealed bundle to `outFolder` under `Model:ReloadRoot` and swaps it in through the validated reload " +
                "(bundle files, canaries, every label kept). A label with fewer than 20 positive or 20 negative decisions keeps " +
                "the base; when all do, the job ends `kept-base` and nothing is swapped. One job at a time: 409 while one runs. " +
                "404 while `Feedback:Path` is not set; 409 without `Model:ReloadRoot` or when `outFolder` exists. Jobs live in " +
                "this replica's memory: a restart forgets them, the bundles stay on disk.")
            .Produces<AdaptJobStarted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{job}", GetAdaptation)
            .WithName("GetAdaptation")
            .WithSummary("Follow an adaptation job")
            .WithDescription(
                "The job's `status` (queued, running, succeeded, failed, kept-base), its progress lines, start and end times, " +
                "the base version and the new one, and per label the method or why the base was kept with the base's and the " +
                "adapted head's F1 and ROC AUC on the feedback (5-fold cross-validated). 404 for a job this replica does not know.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{job}/revert", RevertAdaptation)
            .WithName("RevertAdaptation")
            .WithSummary("Go back to the model a job adapted")
            .WithDescription(
                "Reloads the job's base bundle through the same validated reload as `POST /admin/model/reload` and answers as it " +
                "does. Send `{}`. 409 when the job swapped nothing in (still running, failed or kept-base) or another reload runs; " +
                "404 for an unknown job.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return group;
    }

    public static Results<Accepted<AdaptJobStarted>, ValidationProblem, ProblemHttpResult> StartAdaptation(
        AdaptRequest? request, AdaptJobs jobs, FeedbackStoreHolder feedback, ModelReloadPaths paths, ModelHolder holder)
    {
        if (!feedback.Enabled)
        {
            return AdaptProblems.FeedbackOff();
        }

        if (paths.ReloadRoot is not { } root)
        {
            return AdaptProblems.NoReloadRoot();
        }

        if (jobs.Running is { } running)
        {
            return AdaptProblems.AlreadyRunning(running.Id);
        }

        // The validator already allowed only a plain folder name.
        if (request?.OutFolder is { } folder && (Directory.Exists(Path.Combine(root, folder)) || File.Exists(Path.Combine(root, folder))))
        {
            return AdaptProblems.FolderExists(folder);
        }

        var method = request?.Method is { } name && AdaptationMethods.TryParse(name, out var asked) ? asked : CommunityAdapter.DefaultMethod;
        if (!jobs.TryStart(method, holder.Current, root, request?.OutFolder, out var job))
        {
            return AdaptProblems.AlreadyRunning(job.Id);
        }

        var location = $"/admin/model/adapt/{job.Id}";
        return TypedResults.Accepted(location, new AdaptJobStarted { Job = job.Id, Status = AdaptJobStatuses.Name(job.Status), Location = location });
    }

    public static Results<Ok<AdaptJobResponse>, ProblemHttpResult> GetAdaptation(string job, AdaptJobs jobs) =>
        jobs.Find(job) is { } found ? TypedResults.Ok(found.Snapshot()) : AdaptProblems.UnknownJob(job);

    public static async Task<Results<Ok<ModelReloadResponse>, ValidationProblem, ProblemHttpResult>> RevertAdaptation(
        string job, AdaptJobs jobs, ModelReloadPaths paths, ModelReloader reloader, CancellationToken cancellationToken)
    {
        if (jobs.Find(job) is not { } found)
        {
            return AdaptProblems.UnknownJob(job);
        }

        if (found.Status != AdaptJobStatus.Succeeded)
        {
            return AdaptProblems.NothingToRevert(found);
        }

        // The same validated reload an administrator would call with the base's folder.
        return await AdminEndpoints.ReloadModel(new ModelReloadRequest { Path = found.Base.Model.Directory }, paths, reloader, cancellationToken);
    }
}
