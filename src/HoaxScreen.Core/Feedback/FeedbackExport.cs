using System.Text.Json;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Core.Feedback;

/// <summary>The two files an export writes: canonical CSV, or the same rows as JSON Lines.</summary>
public enum FeedbackExportFormat
{
    Csv,
    JsonLines,
}

/// <summary>How many decisions an export wrote, and how many it left out for judging no label (a claim judgement only).</summary>
public sealed record FeedbackExportResult(int Rows, int Skipped, IReadOnlyList<string> Labels);

/// <summary>
/// Writes the stored decisions in the canonical data format, oldest first, so they feed <c>train --data</c>,
/// <c>evaluate --data</c> and <c>adapt --feedback</c>: <c>id</c>, <c>text</c>, then one column per judged label with
/// <c>1</c>, <c>0</c>, or empty where the moderator did not judge it (in JSON Lines the key is then absent).
/// </summary>
public static class FeedbackExport
{
    /// <summary>The format named by <paramref name="name"/> ("csv", "jsonl"), or null.</summary>
    public static FeedbackExportFormat? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "csv" => FeedbackExportFormat.Csv,
        "jsonl" or "ndjson" => FeedbackExportFormat.JsonLines,
        _ => null,
    };

    /// <summary>The format a file name's extension stands for (.csv; .jsonl or .ndjson), or null.</summary>
    public static FeedbackExportFormat? FromExtension(string path) => Parse(System.IO.Path.GetExtension(path).TrimStart('.'));

    public static FeedbackExportResult Write(FeedbackStore store, TextWriter writer, FeedbackExportFormat format)
    {
        var labels = store.JudgedLabels();
        if (format == FeedbackExportFormat.Csv)
        {
            writer.Write("id,text");
            foreach (var label in labels)
            {
                writer.Write(',');
                writer.Write(label);
            }

            writer.Write('\n');
        }

        var (rows, skipped) = (0, 0);
        foreach (var decision in store.All())
        {
            if (decision.Labels.Count == 0)
            {
                skipped++;
                continue;
            }

            if (format == FeedbackExportFormat.Csv)
            {
                WriteCsvRow(writer, decision, labels);
            }
            else
            {
                WriteJsonLine(writer, decision, labels);
            }

            rows++;
        }

        return new FeedbackExportResult(rows, skipped, labels);
    }

    private static void WriteCsvRow(TextWriter writer, FeedbackDecision decision, IReadOnlyList<string> labels)
    {
        writer.Write(decision.Id);
        writer.Write(',');
        writer.Write(CsvText.Escape(decision.Text));
        foreach (var label in labels)
        {
            writer.Write(',');
            if (decision.Labels.TryGetValue(label, out var value))
            {
                writer.Write(value ? '1' : '0');
            }
        }

        writer.Write('\n');
    }

    private static void WriteJsonLine(TextWriter writer, FeedbackDecision decision, IReadOnlyList<string> labels)
    {
        var line = new Dictionary<string, object>(labels.Count + 2) { ["id"] = decision.Id, ["text"] = decision.Text };
        foreach (var label in labels)
        {
            if (decision.Labels.TryGetValue(label, out var value))
            {
                line[label] = value ? 1 : 0;
            }
        }

        writer.Write(JsonSerializer.Serialize(line));
        writer.Write('\n');
    }
}
