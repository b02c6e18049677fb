namespace HoaxScreen.Core.Claims;

/// <summary>The fact-check file formats <see cref="ClaimImport"/> reads.</summary>
public enum ClaimFormat
{
    /// <summary>CSV with the columns id, claim, verdict, url, publisher, published, text (id and claim required).</summary>
    Csv,

    /// <summary>JSON Lines, one object a line with the CSV's fields.</summary>
    JsonLines,

    /// <summary>schema.org ClaimReview JSON-LD: one object, an array, or an @graph.</summary>
    ClaimReview,

    /// <summary>The Google Fact Check Tools API's claims:search response.</summary>
    Google,

    /// <summary>Mafindo TurnBackHoax API records: a JSON array or JSON Lines.</summary>
    Mafindo,
}

public static class ClaimFormats
{
    /// <summary>The names the CLI and HTTP use.</summary>
    public static IReadOnlyList<string> Names { get; } = ["csv", "jsonl", "claimreview", "google", "mafindo"];

    /// <summary>A format by name (csv, jsonl, claimreview, google, mafindo; any case), or null.</summary>
    public static ClaimFormat? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "csv" => ClaimFormat.Csv,
        "jsonl" or "ndjson" => ClaimFormat.JsonLines,
        "claimreview" => ClaimFormat.ClaimReview,
        "google" => ClaimFormat.Google,
        "mafindo" or "turnbackhoax" => ClaimFormat.Mafindo,
        _ => null,
    };

    public static string Name(ClaimFormat format) => format switch
    {
        ClaimFormat.Csv => "csv",
        ClaimFormat.JsonLines => "jsonl",
        ClaimFormat.ClaimReview => "claimreview",
        ClaimFormat.Google => "google",
        ClaimFormat.Mafindo => "mafindo",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
