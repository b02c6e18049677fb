using System.Text.Json;
using System.Text.Json.Serialization;

namespace HoaxScreen.Api.LabelStudio;

/// <summary>What Label Studio sends to <c>/predict</c>: the tasks to pre-annotate, in the order it wants the results.</summary>
public sealed record LabelStudioPredictRequest
{
    /// <summary>The tasks to pre-annotate (1 to <c>Screening:MaxBatchSize</c>), each with the post in its data.</summary>
    [JsonPropertyName("tasks")]
    public IReadOnlyList<LabelStudioTask>? Tasks { get; init; }

    /// <summary>Label Studio's project reference (e.g. <c>"3.1733480000"</c>); accepted and not used.</summary>
    [JsonPropertyName("project")]
    public JsonElement? Project { get; init; }

    /// <summary>The project's labelling config (XML); accepted and not used: the names come from the <c>LabelStudio</c> options.</summary>
    [JsonPropertyName("label_config")]
    public string? LabelConfig { get; init; }

    /// <summary>Extra parameters (<c>context</c> for interactive labelling, login details); accepted and not used.</summary>
    [JsonPropertyName("params")]
    public JsonElement? Params { get; init; }
}
