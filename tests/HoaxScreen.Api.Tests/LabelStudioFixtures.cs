using System.Text.Json.Nodes;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Api.Tests;

/// <summary>The Label Studio payloads of tests/Fixtures/labelstudio, shaped as Label Studio sends them.</summary>
internal static class LabelStudioFixtures
{
    public static string PathOf(string name) => Path.Combine(RepoPaths.Root, "tests", "Fixtures", "labelstudio", name);

    public static JsonObject Load(string name) => JsonNode.Parse(File.ReadAllText(PathOf(name)))!.AsObject();

    /// <summary>A webhook fixture for another annotation (and optionally other choices), so tests sharing a store stay apart.</summary>
    public static JsonObject Webhook(string name, long annotationId, params string[]? choices)
    {
        var webhook = Load(name);
        webhook["annotation"]!["id"] = annotationId;
        if (choices is not null && webhook["annotation"]!["result"]!.AsArray().Count > 0)
        {
            webhook["annotation"]!["result"]![0]!["value"]!["choices"] = new JsonArray([.. choices.Select(c => JsonValue.Create(c))]);
        }

        return webhook;
    }

    public static IReadOnlyDictionary<string, string?> Enabled(string? feedbackStore = null) => new Dictionary<string, string?>
    {
        ["LabelStudio:Enabled"] = "true",
        ["Feedback:Path"] = feedbackStore,
    };
}
