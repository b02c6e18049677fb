using System.Text.Json;
using System.Text.Json.Serialization;

namespace HoaxScreen.Api.LabelStudio;

/// <summary>The backend's health as Label Studio reads it: <c>UP</c>, and the serving model's version.</summary>
public sealed record LabelStudioHealthResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("model_version")] string ModelVersion);

/// <summary>The answer to <c>/setup</c>: the version of the model that will make predictions.</summary>
public sealed record LabelStudioSetupResponse([property: JsonPropertyName("model_version")] string ModelVersion);

/// <summary>What Label Studio sends to <c>/setup</c> when a project connects; accepted and not used (the access token is never stored or logged).</summary>
public sealed record LabelStudioSetupRequest
{
    /// <summary>Label Studio's project reference.</summary>
    [JsonPropertyName("project")]
    public JsonElement? Project { get; init; }

    /// <summary>The project's labelling config (XML).</summary>
    [JsonPropertyName("schema")]
    public string? Schema { get; init; }
}
