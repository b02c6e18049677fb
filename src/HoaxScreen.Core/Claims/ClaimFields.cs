using System.Globalization;
using System.Text.Json;

namespace HoaxScreen.Core.Claims;

/// <summary>What the importers share: required fields, dates, JSON values, with errors that name where they are.</summary>
internal static class ClaimFields
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"];

    /// <summary>Trimmed, or null when null or blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Required(string? value, string field, string where) =>
        Clean(value) ?? throw new ClaimImportException($"{where}: missing {field}");

    /// <summary>
    /// A date as fact-checkers write it: 2024-03-05, 2024-03-05 10:00:00, or an ISO 8601 date-time with an offset
    /// (the date as written is kept, not converted to UTC). Null when blank.
    /// </summary>
    public static DateOnly? Date(string? value, string field, string where)
    {
        var text = Clean(value);
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return DateOnly.FromDateTime(local);
        }

        if (text.Length > 10 && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return DateOnly.FromDateTime(withOffset.DateTime);
        }

        throw new ClaimImportException($"{where}: {field} '{text}' is not a date (expected YYYY-MM-DD)");
    }

    /// <summary>A language code: "id" unless given.</summary>
    public static string Language(string? value) => Clean(value)?.ToLowerInvariant() ?? "id";

    /// <summary>A JSON string or number as text; null for null or absent; an error for objects, arrays and booleans.</summary>
    public static string? Text(JsonElement parent, string property, string where)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => throw new ClaimImportException($"{where}: {property} must be a string, not {Kind(value)}"),
        };
    }

    /// <summary>A property that holds an object, or null when absent or not an object.</summary>
    public static JsonElement? Object(JsonElement parent, string property) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        _ => "null",
    };

    /// <summary>The canonical fields (id, claim, verdict, rating, url, publisher, published, language, text) of one record.</summary>
    public static FactCheck Canonical(
        string? id, string? claim, string? verdict, string? rating, string? url, string? publisher, string? published,
        string? language, string? text, string where)
    {
        var verdictText = Clean(verdict);
        ClaimRating normalised;
        if (Clean(rating) is { } given)
        {
            normalised = ClaimRatings.Parse(given)
                ?? throw new ClaimImportException($"{where}: rating '{given}' is not one of false, misleading, true, unproven, other");
        }
        else
        {
            normalised = ClaimRatings.FromVerdict(verdictText);
        }

        return new FactCheck
        {
            Id = Required(id, "id", where),
            Claim = Required(claim, "claim", where),
            Verdict = verdictText,
            Rating = normalised,
            Url = Clean(url),
            Publisher = Clean(publisher),
            Published = Date(published, "published", where),
            Language = Language(language),
            Text = Clean(text),
        };
    }

    /// <summary>Parses a JSON document, turning a syntax error into a one-line error naming the line.</summary>
    public static JsonDocument ParseDocument(string json, string file)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new ClaimImportException($"{file}:{(ex.LineNumber ?? 0) + 1}: not valid JSON ({Reason(ex)})", ex);
        }
    }

    /// <summary>The parser's reason without its own "LineNumber: … | BytePositionInLine: …" suffix.</summary>
    public static string Reason(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message.TrimEnd(' ', '.', '|');
    }

    /// <summary>Each object of a JSON array document read by <paramref name="read"/>, named "NAME: record N" in errors.</summary>
    internal static IEnumerable<FactCheck> ArrayRecords(string json, string name, Func<JsonElement, string, FactCheck> read)
    {
        using var document = ParseDocument(json, name);
        var index = 0;
        foreach (var item in document.RootElement.EnumerateArray())
        {
            index++;
            var where = $"{name}: record {index}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new ClaimImportException($"{where}: expected an object, found {Kind(item)}");
            }

            yield return read(item, where);
        }
    }
}
