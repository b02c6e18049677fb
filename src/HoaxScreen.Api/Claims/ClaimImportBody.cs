using System.Text;
using System.Text.RegularExpressions;
using HoaxScreen.Core.Claims;
using Microsoft.Net.Http.Headers;

namespace HoaxScreen.Api.Claims;

/// <summary>
/// A claims file sent as a request body: the content types it may come as, which format each means, and its text.
/// </summary>
public static partial class ClaimImportBody
{
    /// <summary>How import errors name the file (rewritten to plain words by <see cref="Plain"/>).</summary>
    public const string Name = "body";

    public const string Csv = "text/csv";
    public const string NdJson = "application/x-ndjson";
    public const string JsonLines = "application/jsonl";
    public const string JsonLd = "application/ld+json";
    public const string Json = "application/json";
    public const string OctetStream = "application/octet-stream";

    /// <summary>Every content type the import takes (none of which a cross-site form can send).</summary>
    public static IReadOnlyList<string> MediaTypes { get; } = [Csv, NdJson, JsonLines, JsonLd, Json, OctetStream];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The declared media type without parameters, lower case; null when absent or unreadable.</summary>
    public static string? MediaType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;

    /// <summary>False when the content type names a charset other than UTF-8 (a claims file must be UTF-8).</summary>
    public static bool IsUtf8OrUnstated(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.Charset.Value is not { } charset)
        {
            return true;
        }

        var bare = HeaderUtilities.RemoveQuotes(charset).Value?.Trim() ?? string.Empty;
        return bare.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || bare.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The format a content type means: text/csv → csv; application/x-ndjson or application/jsonl → jsonl (mafindo
    /// when the first record is a TurnBackHoax record); application/ld+json → claimreview; application/json → told from
    /// the document (Google Fact Check response, ClaimReview, an array of TurnBackHoax or canonical records). Null for
    /// application/octet-stream, which says nothing of the format.
    /// </summary>
    /// <exception cref="ClaimImportException">JSON whose kind cannot be told.</exception>
    public static ClaimFormat? FormatOf(string mediaType, string text) => mediaType switch
    {
        Csv => ClaimFormat.Csv,
        NdJson or JsonLines => ClaimImport.DetectJsonLinesFormat(new StringReader(text), Name),
        JsonLd => ClaimFormat.ClaimReview,
        Json => ClaimImport.DetectJsonFormat(text, Name),
        _ => null,
    };

    /// <summary>Reads the whole body (within the route's size limit).</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(request.ContentLength is { } length and > 0 and < 64 * 1024 * 1024 ? (int)length : 0);
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The body as text: strict UTF-8, a byte-order mark dropped.</summary>
    /// <exception cref="DecoderFallbackException">Not valid UTF-8.</exception>
    public static string Decode(byte[] body)
    {
        var start = body.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        return StrictUtf8.GetString(body, start, body.Length - start);
    }

    /// <summary>
    /// An import error in plain words about the body: <c>body:4: missing claim</c> becomes <c>line 4: missing claim</c>,
    /// <c>body: record 2: ...</c> becomes <c>record 2: ...</c>; the line, when there is one.
    /// </summary>
    public static (string Message, int? Line) Plain(string message)
    {
        if (!message.StartsWith(Name + ":", StringComparison.Ordinal))
        {
            return (message, null);
        }

        var rest = message[(Name.Length + 1)..];
        var line = LeadingLine().Match(rest);
        return line.Success
            ? ("line " + rest, int.Parse(line.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture))
            : (rest.TrimStart(), null);
    }

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex LeadingLine();
}
