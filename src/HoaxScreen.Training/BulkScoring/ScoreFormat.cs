using HoaxScreen.Training.Cli;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>The file formats <c>score</c> reads and writes.</summary>
public enum ScoreFormat
{
    Csv,
    JsonLines,
}

/// <summary>Which format a file is in: <c>--format</c> when given, else the extension (.jsonl/.ndjson are JSON Lines).</summary>
public static class ScoreFormats
{
    public static ScoreFormat ForInput(string path, string? given) => given?.ToLowerInvariant() switch
    {
        null => IsJsonLines(path) ? ScoreFormat.JsonLines : ScoreFormat.Csv,
        "csv" => ScoreFormat.Csv,
        "jsonl" or "ndjson" => ScoreFormat.JsonLines,
        _ => throw new CliException($"--format must be csv or jsonl, not '{given}'"),
    };

    /// <summary>JSON Lines when --out ends in .jsonl or .ndjson; CSV otherwise (the design's default).</summary>
    public static ScoreFormat ForOutput(string path) => IsJsonLines(path) ? ScoreFormat.JsonLines : ScoreFormat.Csv;

    public static string Name(ScoreFormat format) => format == ScoreFormat.Csv ? "csv" : "jsonl";

    private static bool IsJsonLines(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jsonl" or ".ndjson";
}
