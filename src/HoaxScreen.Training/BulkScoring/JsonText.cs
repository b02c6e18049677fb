using System.Text.Encodings.Web;
using System.Text.Json;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>JSON string literals for the files <c>score</c> writes: Indonesian text and emoji stay readable (no \u escapes).</summary>
public static class JsonText
{
    public static string Quote(string value) => "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

    /// <summary>
    /// A JSON value as plain text for a CSV cell: a string's characters (unescaped), anything else (a number, an object)
    /// as it is written in the JSON.
    /// </summary>
    public static string Plain(string json)
    {
        if (json.Length < 2 || json[0] != '"')
        {
            return json;
        }

        return json.Contains('\\', StringComparison.Ordinal) ? JsonSerializer.Deserialize<string>(json)! : json[1..^1];
    }
}
