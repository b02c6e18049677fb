using System.Text.Json;

namespace HoaxScreen.Core.Claims;

/// <summary>
/// JSON Lines of the canonical fields: one object a line with <c>id</c> and <c>claim</c> (required), <c>verdict, url,
/// publisher, published, text</c>, optional <c>rating</c> and <c>language</c>; other fields are ignored. Blank lines are skipped.
/// </summary>
public static class JsonLinesClaimReader
{
    /// <remarks>A JSON array of such objects (a .json file) is read too; its errors name the record (1-based).</remarks>
    public static IEnumerable<FactCheck> Read(TextReader text, string name)
    {
        var all = text.ReadToEnd();
        var start = all.AsSpan().TrimStart().TrimStart('\uFEFF');
        if (start.Length > 0 && start[0] == '[')
        {
            return ClaimFields.ArrayRecords(all, name, FromObject);
        }

        return Objects(new StringReader(all), name).Select(o => FromObject(o.Value, $"{name}:{o.Line}"));
    }

    /// <summary>The canonical fields of one JSON object.</summary>
    internal static FactCheck FromObject(JsonElement o, string where) => ClaimFields.Canonical(
        ClaimFields.Text(o, "id", where), ClaimFields.Text(o, "claim", where), ClaimFields.Text(o, "verdict", where),
        ClaimFields.Text(o, "rating", where), ClaimFields.Text(o, "url", where), ClaimFields.Text(o, "publisher", where),
        ClaimFields.Text(o, "published", where), ClaimFields.Text(o, "language", where), ClaimFields.Text(o, "text", where), where);

    /// <summary>Each non-blank line as a JSON object, with its 1-based line number.</summary>
    internal static IEnumerable<(JsonElement Value, int Line)> Objects(TextReader text, string name)
    {
        var line = 0;
        while (text.ReadLine() is { } content)
        {
            line++;
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            JsonElement value;
            try
            {
                using var document = JsonDocument.Parse(content);
                value = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new ClaimImportException($"{name}:{line}: not valid JSON ({ClaimFields.Reason(ex)})", ex);
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new ClaimImportException($"{name}:{line}: expected a JSON object, found {ClaimFields.Kind(value)}");
            }

            yield return (value, line);
        }
    }
}
