using System.Text.Json;
using System.Text.Json.Serialization;

namespace HoaxScreen.Api.LabelStudio;

/// <summary>
/// A Label Studio webhook: <c>action</c> names the event; annotation events carry the <c>annotation</c> and its
/// <c>task</c> (other fields, e.g. <c>project</c>, are accepted and not used).
/// </summary>
public sealed record LabelStudioWebhookEvent
{
    /// <summary>The event, e.g. <c>ANNOTATION_CREATED</c> or <c>ANNOTATION_UPDATED</c>; others are answered 200 and ignored.</summary>
    /// <example>ANNOTATION_CREATED</example>
    [JsonPropertyName("action")]
    public string? Action { get; init; }

    /// <summary>The annotation created or updated.</summary>
    [JsonPropertyName("annotation")]
    public LabelStudioAnnotation? Annotation { get; init; }

    /// <summary>The annotated task, with the post in its data.</summary>
    [JsonPropertyName("task")]
    public LabelStudioTask? Task { get; init; }

    /// <summary>The project; its <c>label_config</c> says which labels an annotation could tick (others are not judged).</summary>
    [JsonPropertyName("project")]
    public JsonElement? Project { get; init; }

    /// <summary>The project's labelling config, when the event carries the project.</summary>
    public string? LabelConfig() =>
        Project is { ValueKind: JsonValueKind.Object } project
        && project.TryGetProperty("label_config", out var config)
        && config.ValueKind == JsonValueKind.String
            ? config.GetString()
            : null;
}

/// <summary>An annotator's annotation of one task.</summary>
public sealed record LabelStudioAnnotation
{
    /// <summary>Label Studio's annotation id: the stored decision's <c>clientId</c> is <c>labelstudio:annotation:ID</c>.</summary>
    /// <example>501</example>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary>The annotation's regions; the choices region named <c>LabelStudio:FromName</c> holds the labels chosen.</summary>
    [JsonPropertyName("result")]
    public IReadOnlyList<LabelStudioResultItem>? Result { get; init; }

    /// <summary>True when the annotator skipped the task: nothing was judged, so nothing is stored.</summary>
    [JsonPropertyName("was_cancelled")]
    public bool WasCancelled { get; init; }
}

/// <summary>One region of an annotation (for a choices tag, <c>value</c> is <c>{ "choices": [ ... ] }</c>).</summary>
public sealed record LabelStudioResultItem
{
    /// <summary>The control tag's name (the config's <c>&lt;Choices name&gt;</c>).</summary>
    [JsonPropertyName("from_name")]
    public string? FromName { get; init; }

    /// <summary>The object tag's name (the config's <c>&lt;Text name&gt;</c>).</summary>
    [JsonPropertyName("to_name")]
    public string? ToName { get; init; }

    /// <summary>The region's type: <c>choices</c> for the labels.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The region's value; for choices, <c>{ "choices": [ "hoax", ... ] }</c>.</summary>
    [JsonPropertyName("value")]
    public JsonElement? Value { get; init; }
}
