using HoaxScreen.Api.Limits;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Api.Security;
using HoaxScreen.Api.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.LabelStudio;

/// <summary>
/// Label Studio's ML-backend interface under <c>/labelstudio</c> (health, setup, predict, webhook, train), so a team
/// labelling in Label Studio sees HoaxScreen's scores as pre-annotations and its annotations reach the feedback store.
/// Same keys as <c>/v1</c> (a screening or admin key when keys are on, sent as <c>X-Api-Key</c> or as the Basic auth
/// password); 404 while <c>LabelStudio:Enabled</c> is false.
/// </summary>
public static class LabelStudioEndpoints
{
    public const string Prefix = "/labelstudio";

    public const string Tag = "Label Studio ML backend";

    public static RouteGroupBuilder MapLabelStudio(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix)
            .WithTags(Tag)
            .WithMetadata(ClientRateLimitMetadata.Instance)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        if (app.ServiceProvider.GetRequiredService<ApiKeyStore>().Enabled)
        {
            group.RequireAuthorization(ApiRoles.ScreeningPolicy);
        }

        // Off answers 404 before a body is validated.
        group.AddEndpointFilter(WhenEnabled);
        group.AddEndpointFilterFactory(ValidationFilter.Create);

        group.MapGet("/health", Health)
            .WithName("LabelStudioHealth")
            .WithSummary("Label Studio: is the backend up")
            .WithDescription("Label Studio's health check of an ML backend: `status` UP and the serving model's `model_version`.");
        group.MapGet("/", Health)
            .WithName("LabelStudioRoot")
            .WithSummary("Label Studio: is the backend up (root)")
            .WithDescription("The same as `/labelstudio/health`; Label Studio checks either.");

        group.MapPost("/setup", Setup)
            .WithName("LabelStudioSetup")
            .WithSummary("Label Studio: connect a project")
            .WithDescription("Called by Label Studio when a project connects the backend; answers the serving model's `model_version`. The body (project, labelling config, access token) is accepted and not kept.");

        group.MapPost("/predict", LabelStudioPredictor.Predict)
            .WithName("LabelStudioPredict")
            .WithSummary("Label Studio: pre-annotate tasks")
            .WithDescription(
                "Scores each task's post (`data.text`, or the field `LabelStudio:TextField` names) with the serving model and " +
                "answers one prediction per task, in the order sent: a choices region (`from_name`/`to_name` from " +
                "`LabelStudio:FromName`/`ToName`) pre-selecting the labels the model flags at their thresholds, with `score` " +
                "the highest probability among them and `scores` every label's probability; no region when nothing is flagged. " +
                "The prediction's `score` is the highest probability of any label, and `model_version` the bundle's version. " +
                "Tasks follow the batch rules of `/v1/screen/batch`.")
            .RequireRateLimiting(ScoringConcurrencyPolicy.Name)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/webhook", LabelStudioWebhook.Receive)
            .WithName("LabelStudioWebhook")
            .WithSummary("Label Studio: store an annotation as moderators' feedback")
            .WithDescription(
                "Takes Label Studio's ANNOTATION_CREATED and ANNOTATION_UPDATED webhooks: the annotation's choices (region " +
                "`LabelStudio:FromName`) become a decision in the feedback store, stored as `POST /v1/feedback` stores one " +
                "(same rules, scored by the serving model): a chosen label is true, every other label of the model false. " +
                "One decision per annotation (`clientId` `labelstudio:annotation:ID`): an update replaces it. Answers 201 " +
                "`stored`; a skipped annotation or any other event answers 200 `ignored`. Needs `Feedback:Path` (404 otherwise).")
            .RequireRateLimiting(ScoringConcurrencyPolicy.Name)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/train", Train)
            .WithName("LabelStudioTrain")
            .WithSummary("Label Studio: train (answered: use adapt)")
            .WithDescription("HoaxScreen does not train from Label Studio's train call: it answers 409 saying to fit a model to the stored annotations with `adapt`.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }

    public static Ok<LabelStudioHealthResponse> Health(ModelHolder models) =>
        TypedResults.Ok(new LabelStudioHealthResponse("UP", models.Current.Version));

    public static Ok<LabelStudioSetupResponse> Setup(LabelStudioSetupRequest? request, ModelHolder models) =>
        TypedResults.Ok(new LabelStudioSetupResponse(models.Current.Version));

    public static ProblemHttpResult Train() => LabelStudioProblems.TrainingElsewhere();

    private static async ValueTask<object?> WhenEnabled(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next) =>
        invocation.HttpContext.RequestServices.GetRequiredService<IOptions<LabelStudioOptions>>().Value.Enabled
            ? await next(invocation)
            : LabelStudioProblems.Off();
}
