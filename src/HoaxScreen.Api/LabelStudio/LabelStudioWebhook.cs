using System.Text.Json;
using FluentValidation;
using HoaxScreen.Api.Feedback;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Api.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.LabelStudio;

/// <summary>
/// <c>POST /labelstudio/webhook</c>: an annotation created or updated in Label Studio becomes a moderator's decision in
/// the feedback store, through the same validation and store path as <c>POST /v1/feedback</c>. A chosen label is judged
/// true, and every other label of the serving model that the project's labelling config offers false. One decision is
/// kept per annotation: storing it again (an update, or the same event re-sent) replaces the earlier one.
/// </summary>
public static class LabelStudioWebhook
{
    public const string AnnotationCreated = "ANNOTATION_CREATED";
    public const string AnnotationUpdated = "ANNOTATION_UPDATED";

    /// <summary>How a feedback field maps back to the webhook's JSON, so an error names what Label Studio sent.</summary>
    private static readonly Dictionary<string, string> FieldOfFeedback = new(StringComparer.Ordinal)
    {
        ["labels"] = "annotation.result",
        ["id"] = "annotation.id",
    };

    public static Results<Created<LabelStudioWebhookResponse>, Ok<LabelStudioWebhookResponse>, ValidationProblem, ProblemHttpResult> Receive(
        LabelStudioWebhookEvent webhook,
        FeedbackRecorder recorder,
        IValidator<FeedbackRequest> feedbackRules,
        ModelHolder models,
        IOptions<LabelStudioOptions> options,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(LabelStudioWebhook));
        if (string.IsNullOrWhiteSpace(webhook.Action))
        {
            return Invalid("action", "action is required: the Label Studio event, e.g. ANNOTATION_CREATED.");
        }

        var action = webhook.Action;
        if (action is not (AnnotationCreated or AnnotationUpdated))
        {
            return Ignored(logger, action, $"{LabelStudioProblems.Shorten(action)} is not an annotation being created or updated; only ANNOTATION_CREATED and ANNOTATION_UPDATED are stored.");
        }

        if (webhook.Annotation is not { } annotation)
        {
            return Invalid("annotation", $"annotation is required with {action}.");
        }

        if (annotation.WasCancelled)
        {
            return Ignored(logger, action, "the annotator skipped the task, so nothing was judged.");
        }

        if (!recorder.Enabled)
        {
            return FeedbackProblems.Off();
        }

        if (annotation.Id is not { } annotationId)
        {
            return Invalid("annotation.id", "annotation.id is required: it identifies the decision an update replaces.");
        }

        var names = options.Value;
        if (webhook.Task is not { } task || task.TextIn(names.TextField) is not { } text)
        {
            return Invalid($"task.data.{names.TextField}", $"task.data.{names.TextField} is required: the post that was annotated, as a string (LabelStudio:TextField names the field).");
        }

        var (chosen, problem) = ChosenLabels(annotation, names);
        if (problem is not null)
        {
            return problem;
        }

        if (chosen is null)
        {
            return Invalid("annotation.result", "each choices region's value must be { \"choices\": [ \"label\", ... ] } with labels as strings.");
        }

        // The labels the annotator could tick are judged: the model's, narrowed to the project's config when the event
        // carries it. Unknown choices are kept (as true) so the feedback rules refuse them by name.
        var offered = LabelStudioConfigChoices.Read(webhook.LabelConfig(), names.FromName);
        var labels = models.Current.Model.Labels
            .Where(label => offered is null || offered.Contains(label) || chosen.Contains(label))
            .ToDictionary(label => label, chosen.Contains);
        foreach (var extra in chosen.Where(c => !labels.ContainsKey(c)))
        {
            labels[extra] = true;
        }

        var request = new FeedbackRequest
        {
            Id = $"labelstudio:annotation:{annotationId}",
            Text = text,
            Labels = labels,
            Note = task.Id is { } taskId ? $"Label Studio task {taskId}" : "Label Studio",
        };
        var validation = feedbackRules.Validate(request);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(ValidationFilter.ToErrors(validation)
                .ToDictionary(e => e.Key == "text" ? $"task.data.{names.TextField}" : FieldOfFeedback.GetValueOrDefault(e.Key, e.Key), e => e.Value));
        }

        var recording = recorder.Record(request);
        if (recording.Stored is not { } stored)
        {
            return recording.Problem!;
        }

        var replaced = recorder.DeleteEarlier(request.Id, stored.Id) ?? 0;
        logger.LabelStudioAnnotationStored(annotationId, action, stored.Id, replaced);
        return TypedResults.Created(
            $"/admin/feedback/{stored.Id}",
            new LabelStudioWebhookResponse("stored", $"Stored as feedback decision {stored.Id}.", stored.Id, replaced));
    }

    /// <summary>
    /// The labels chosen in the choices regions named <c>FromName</c> (none chosen: an empty set, every label false);
    /// null when a region's value is not a list of strings; a problem when the annotation has choices only under
    /// another name (a config mismatch, which would otherwise store every label as false).
    /// </summary>
    private static (HashSet<string>? Chosen, ProblemHttpResult? Problem) ChosenLabels(LabelStudioAnnotation annotation, LabelStudioOptions names)
    {
        var regions = (annotation.Result ?? []).Where(r => r is not null && r.Type == "choices").ToList();
        var ours = regions.Where(r => r.FromName == names.FromName).ToList();
        if (ours.Count == 0 && regions.Count > 0)
        {
            return (null, LabelStudioProblems.OtherChoices(names.FromName, regions.Select(r => r.FromName ?? "(unnamed)").Distinct()));
        }

        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in ours)
        {
            if (region.Value is not { ValueKind: JsonValueKind.Object } value
                || !value.TryGetProperty("choices", out var choices)
                || choices.ValueKind != JsonValueKind.Array
                || choices.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String))
            {
                return (null, null);
            }

            chosen.UnionWith(choices.EnumerateArray().Select(c => c.GetString()!));
        }

        return (chosen, null);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static Ok<LabelStudioWebhookResponse> Ignored(ILogger logger, string action, string reason)
    {
        logger.LabelStudioWebhookIgnored(LabelStudioProblems.Shorten(action), reason);
        return TypedResults.Ok(new LabelStudioWebhookResponse("ignored", reason));
    }
}
