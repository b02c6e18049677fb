using System.Text.Json;
using System.Text.Json.Serialization;

namespace HoaxScreen.Api.LabelStudio;

/// <summary>A Label Studio task: its id and its data, whose <c>LabelStudio:TextField</c> field holds the post.</summary>
public sealed record LabelStudioTask
{
    /// <summary>Label Studio's task id.</summary>
    /// <example>101</example>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary>The task's data as imported into Label Studio; the post is the string in the <c>LabelStudio:TextField</c> field (default <c>text</c>).</summary>
    [JsonPropertyName("data")]
    public Dictionary<string, JsonElement>? Data { get; init; }

    /// <summary>The post in <paramref name="textField"/> of the data, or null when absent or not a string.</summary>
    public string? TextIn(string textField) =>
        Data is not null && Data.TryGetValue(textField, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
