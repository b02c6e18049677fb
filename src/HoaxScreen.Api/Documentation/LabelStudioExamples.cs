using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Documentation;

/// <summary>
/// Examples for the Label Studio backend, shaped as Label Studio sends them (trimmed to the fields it reads): each runs
/// as it is with <c>LabelStudio:Enabled</c> (and, for the webhook, <c>Feedback:Path</c>) and the default model.
/// </summary>
public static class LabelStudioExamples
{
    public static IReadOnlyList<NamedExample> Predict { get; } =
    [
        new("twoTasks", "Label Studio: pra-anotasi dua tugas",
            "Two tasks as Label Studio sends them to pre-annotate: the answer pre-selects hoax on the chain message and nothing on the notice.",
            new JsonObject
            {
                ["tasks"] = new JsonArray(
                    new JsonObject { ["id"] = 101, ["data"] = new JsonObject { ["text"] = RequestExamples.WhatsAppHoaxText } },
                    new JsonObject { ["id"] = 102, ["data"] = new JsonObject { ["text"] = RequestExamples.CleanPostText } }),
                ["project"] = "3.1764576000",
                ["params"] = new JsonObject { ["context"] = null },
            }),
    ];

    public static IReadOnlyList<NamedExample> Webhook { get; } =
    [
        new("annotationCreated", "Label Studio: anotasi baru (hoaks)",
            "An annotator ticked hoax on task 101: stored as a decision with hoax true and every other label false.",
            new JsonObject
            {
                ["action"] = "ANNOTATION_CREATED",
                ["annotation"] = new JsonObject
                {
                    ["id"] = 501,
                    ["result"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "Ab3kQ9xZ1e",
                        ["from_name"] = "labels",
                        ["to_name"] = "text",
                        ["type"] = "choices",
                        ["value"] = new JsonObject { ["choices"] = new JsonArray("hoax") },
                    }),
                    ["was_cancelled"] = false,
                    ["task"] = 101,
                },
                ["task"] = new JsonObject { ["id"] = 101, ["data"] = new JsonObject { ["text"] = RequestExamples.WhatsAppHoaxText } },
            }),
        new("annotationSkipped", "Label Studio: tugas dilewati",
            "The annotator skipped the task: answered 200 ignored, nothing stored.",
            new JsonObject
            {
                ["action"] = "ANNOTATION_CREATED",
                ["annotation"] = new JsonObject { ["id"] = 502, ["result"] = new JsonArray(), ["was_cancelled"] = true, ["task"] = 102 },
                ["task"] = new JsonObject { ["id"] = 102, ["data"] = new JsonObject { ["text"] = RequestExamples.CleanPostText } },
            }),
    ];
}
