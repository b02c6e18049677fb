using System.Text.Encodings.Web;
using System.Text.Json;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>JSON string literals for the files <c>score</c> writes: Indonesian text and emoji stay readable (no \u escapes).</summary>
public static class JsonText
{
    public static string Quote(string value) => "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";
}
