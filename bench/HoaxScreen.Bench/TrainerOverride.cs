using System.Text.Json;
using System.Text.Json.Nodes;
using HoaxScreen.Core.Data;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Bench;

/// <summary>
/// <c>--trainer '{json}'</c>: a partial <see cref="TrainerSettings"/> whose properties replace the recipe's, e.g.
/// <c>{"weighting":"tfidf","charNgramLength":5,"charNgramAllLengths":true}</c>. Names as in a recipe's trainer section.
/// </summary>
public static class TrainerOverride
{
    public static TrainerSettings Apply(TrainerSettings settings, string json)
    {
        JsonObject changes;
        try
        {
            changes = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true }) as JsonObject
                ?? throw new CliException("--trainer must be a JSON object, e.g. '{\"weighting\":\"tfidf\"}'");
        }
        catch (JsonException ex)
        {
            throw new CliException($"--trainer is not valid JSON ({ex.Message.Split('\n')[0]})");
        }

        var merged = JsonSerializer.SerializeToNode(settings, JsonDefaults.Options)!.AsObject();
        foreach (var (name, value) in changes.ToList())
        {
            // Replace the recipe's property whatever the case the user typed it in.
            var existing = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (existing is not null)
            {
                merged.Remove(existing);
            }

            merged[name] = value?.DeepClone();
        }

        TrainerSettings result;
        try
        {
            result = merged.Deserialize<TrainerSettings>(JsonDefaults.Options)
                ?? throw new CliException("--trainer must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new CliException($"--trainer: {ex.Message.Split('\n')[0]}");
        }

        var problem = result.Problems().FirstOrDefault();
        return problem is null ? result : throw new CliException($"--trainer: {problem}");
    }

    /// <summary>The settings as one line of JSON, for the report header.</summary>
    public static string Describe(TrainerSettings settings) =>
        JsonSerializer.Serialize(settings, new JsonSerializerOptions(JsonDefaults.Options) { WriteIndented = false });
}
