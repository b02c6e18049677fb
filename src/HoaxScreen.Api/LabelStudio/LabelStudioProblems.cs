using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaxScreen.Api.LabelStudio;

/// <summary>The Label Studio routes' refusals, in plain words.</summary>
public static class LabelStudioProblems
{
    public static ProblemHttpResult Off() => TypedResults.Problem(
        detail: "The Label Studio ML backend is off on this service. Set LabelStudio:Enabled to true (and Feedback:Path, for " +
                "annotations to be stored as moderators' feedback), then connect http://HOST:5080/labelstudio in the " +
                "project's Model settings.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Label Studio backend is off");

    public static ProblemHttpResult TrainingElsewhere() => TypedResults.Problem(
        detail: "HoaxScreen does not train from Label Studio's train call. Annotations already reach its feedback store " +
                "through the webhook (ANNOTATION_CREATED, ANNOTATION_UPDATED); fit a model to them with HoaxScreen's adapt " +
                "(the CLI's `adapt --model BASE --feedback FEEDBACK.db --out NEW`, or an admin's POST /admin/model/adapt), " +
                "which the service then reloads.",
        statusCode: StatusCodes.Status409Conflict,
        title: "Training runs through adapt");

    public static ProblemHttpResult OtherChoices(string fromName, IEnumerable<string> found) => TypedResults.Problem(
        detail: $"The annotation's choices come from {string.Join(", ", found.Select(n => $"'{Shorten(n)}'"))}, but this " +
                $"backend reads the choices named '{fromName}' (LabelStudio:FromName): use the labelling config of " +
                "deploy/labelstudio/labeling-config.xml, or set LabelStudio:FromName to the config's <Choices name>.",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "Choices under another name");

    public static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
