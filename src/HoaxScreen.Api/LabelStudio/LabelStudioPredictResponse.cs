using System.Text.Json.Serialization;

namespace HoaxScreen.Api.LabelStudio;

/// <summary>The pre-annotations, one per task in the order sent, and the version of the model that made them.</summary>
public sealed record LabelStudioPredictResponse(
    [property: JsonPropertyName("results")] IReadOnlyList<LabelStudioPrediction> Results,
    [property: JsonPropertyName("model_version")] string ModelVersion);

/// <summary>
/// One task's prediction: the choices the model flags, and <c>score</c>, the highest probability of any label (Label
/// Studio shows it as the prediction's score and can sort tasks by it, most suspicious first).
/// </summary>
public sealed record LabelStudioPrediction(
    [property: JsonPropertyName("result")] IReadOnlyList<LabelStudioChoicesResult> Result,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("model_version")] string ModelVersion);

/// <summary>
/// A choices region: the labels the model flags (at each label's threshold), <c>score</c> the highest probability among
/// them, and <c>scores</c> every label's probability (Label Studio keeps the region as sent, so they are stored with the
/// prediction and exported with it).
/// </summary>
public sealed record LabelStudioChoicesResult(
    [property: JsonPropertyName("from_name")] string FromName,
    [property: JsonPropertyName("to_name")] string ToName,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] LabelStudioChoices Value,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("scores")] IReadOnlyDictionary<string, double> Scores);

/// <summary>The chosen labels of a choices region.</summary>
public sealed record LabelStudioChoices([property: JsonPropertyName("choices")] IReadOnlyList<string> Choices);
