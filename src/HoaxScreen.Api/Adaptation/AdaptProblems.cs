using HoaxScreen.Api.Options;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaxScreen.Api.Adaptation;

/// <summary>The adaptation routes' refusals, in plain words.</summary>
public static class AdaptProblems
{
    public static ProblemHttpResult FeedbackOff() => TypedResults.Problem(
        detail: "Adapting learns from the moderators' decisions in the feedback store, and Feedback:Path is not configured on " +
                "this service. Set it (and collect decisions through POST /v1/feedback) first.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Feedback is off");

    public static ProblemHttpResult NoReloadRoot() => TypedResults.Problem(
        detail: $"The adapted bundle is written to a new folder under {ModelOptions.SectionName}:ReloadRoot, where the reload accepts it, " +
                $"and {ModelOptions.SectionName}:ReloadRoot is not configured on this service.",
        statusCode: StatusCodes.Status409Conflict,
        title: "Nowhere to write the adapted model");

    public static ProblemHttpResult FolderExists(string folder) => TypedResults.Problem(
        detail: $"The folder {folder} already exists under {ModelOptions.SectionName}:ReloadRoot; choose another outFolder (existing bundles are never overwritten).",
        statusCode: StatusCodes.Status409Conflict,
        title: "Output folder exists");

    public static ProblemHttpResult AlreadyRunning(string job) => TypedResults.Problem(
        detail: $"Adaptation job {job} is still running; one job runs at a time. Follow it at /admin/model/adapt/{job} and start again when it has finished.",
        statusCode: StatusCodes.Status409Conflict,
        title: "An adaptation job is running",
        extensions: new Dictionary<string, object?> { ["job"] = job });

    public static ProblemHttpResult UnknownJob(string job) => TypedResults.Problem(
        detail: $"There is no adaptation job {(job.Length <= 32 ? job : job[..32] + "…")} on this replica. Jobs are kept in memory: a restart forgets them " +
                "(the bundles they wrote stay under Model:ReloadRoot; POST /admin/model/reload activates one by its folder).",
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown adaptation job");

    public static ProblemHttpResult NothingToRevert(AdaptJob job) => TypedResults.Problem(
        detail: $"Adaptation job {job.Id} is {AdaptJobStatuses.Name(job.Status)}: it swapped no model in, so there is nothing to revert; " +
                $"model {job.Base.Version} was kept.",
        statusCode: StatusCodes.Status409Conflict,
        title: "Nothing to revert");
}
