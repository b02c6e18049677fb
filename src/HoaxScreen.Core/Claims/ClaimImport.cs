using System.Text;
using System.Text.Json;

namespace HoaxScreen.Core.Claims;

/// <summary>
/// Reads a fact-check file in any supported format. The format comes from the caller or from the extension: .csv →
/// csv; .jsonl/.ndjson → jsonl (or mafindo when the first record has title and classification/tanggal/source_link
/// but no claim); .json → sniffed: an object with "claims" → google; ClaimReview objects (claimReviewed or @type
/// ClaimReview, alone, in an array or an @graph) → claimreview; an array of objects with title → mafindo; an array of
/// objects with claim → the canonical fields.
/// </summary>
public static class ClaimImport
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Streams the records of a file (errors are thrown as they are met: see <see cref="Load"/> for all-or-nothing).</summary>
    public static IEnumerable<FactCheck> Read(string path, ClaimFormat? format = null)
    {
        var resolved = format ?? DetectFormat(path);
        return ReadFile(path, resolved);
    }

    private static IEnumerable<FactCheck> ReadFile(string path, ClaimFormat format)
    {
        using var reader = OpenText(path);
        foreach (var claim in Read(reader, path, format))
        {
            yield return claim;
        }
    }

    /// <summary>Streams the records of text in a known format; <paramref name="name"/> is how errors name it.</summary>
    public static IEnumerable<FactCheck> Read(TextReader text, string name, ClaimFormat format)
    {
        var records = format switch
        {
            ClaimFormat.Csv => CsvClaimReader.Read(text, name),
            ClaimFormat.JsonLines => JsonLinesClaimReader.Read(text, name),
            ClaimFormat.ClaimReview => ClaimReviewReader.Read(text, name),
            ClaimFormat.Google => GoogleFactCheckReader.Read(text, name),
            ClaimFormat.Mafindo => MafindoReader.Read(text, name),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
        return Decoded(records, name);
    }

    /// <summary>
    /// Reads and checks a whole file before anything is written: one record per id (the last of a repeated id wins,
    /// counted in <see cref="ClaimImportBatch.DuplicateIds"/>).
    /// </summary>
    public static ClaimImportBatch Load(string path, ClaimFormat? format = null)
    {
        var resolved = format ?? DetectFormat(path);
        return Collect(ReadFile(path, resolved), resolved);
    }

    /// <summary>As <see cref="Load(string, ClaimFormat?)"/>, for text already in hand (e.g. an HTTP body).</summary>
    public static ClaimImportBatch Load(TextReader text, string name, ClaimFormat format) => Collect(Read(text, name, format), format);

    private static ClaimImportBatch Collect(IEnumerable<FactCheck> records, ClaimFormat format)
    {
        var claims = new List<FactCheck>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var claim in records)
        {
            count++;
            if (positions.TryGetValue(claim.Id, out var position))
            {
                claims[position] = claim;
            }
            else
            {
                positions.Add(claim.Id, claims.Count);
                claims.Add(claim);
            }
        }

        return new ClaimImportBatch(format, claims, count, count - claims.Count);
    }

    /// <summary>The format of a file, from its extension and, for .json (and JSON Lines), its content.</summary>
    public static ClaimFormat DetectFormat(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".csv":
            case ".tsv":
                return ClaimFormat.Csv;
            case ".jsonl":
            case ".ndjson":
                return SniffJsonLines(path);
            case ".json":
            case ".jsonld":
                return SniffJson(path);
            default:
                throw new ClaimImportException(
                    $"{path}: cannot tell the format from the extension '{extension}' (expected .csv, .jsonl, .ndjson or .json; or give the format: {string.Join(", ", ClaimFormats.Names)})");
        }
    }

    private static ClaimFormat SniffJsonLines(string path)
    {
        using var reader = OpenText(path);
        return DetectJsonLinesFormat(reader, path);
    }

    /// <summary>
    /// JSON Lines text: <see cref="ClaimFormat.Mafindo"/> when its first record looks like a TurnBackHoax record, else
    /// <see cref="ClaimFormat.JsonLines"/>. Reads from <paramref name="text"/> up to its first record.
    /// </summary>
    public static ClaimFormat DetectJsonLinesFormat(TextReader text, string name)
    {
        string? line;
        while ((line = ReadLine(text, name)) is not null && string.IsNullOrWhiteSpace(line))
        {
        }

        if (line is null)
        {
            return ClaimFormat.JsonLines;
        }

        try
        {
            using var first = JsonDocument.Parse(line);
            return LooksLikeMafindo(first.RootElement) ? ClaimFormat.Mafindo : ClaimFormat.JsonLines;
        }
        catch (JsonException)
        {
            // The reader reports the broken line.
            return ClaimFormat.JsonLines;
        }
    }

    private static ClaimFormat SniffJson(string path)
    {
        string json;
        using (var reader = OpenText(path))
        {
            json = ReadToEnd(reader, path);
        }

        return DetectJsonFormat(json, path);
    }

    /// <summary>
    /// Which kind of JSON document <paramref name="json"/> is: a Google Fact Check response, ClaimReview JSON-LD, an
    /// array of TurnBackHoax records or of canonical records (as for a .json file); <paramref name="name"/> names it in errors.
    /// </summary>
    /// <exception cref="ClaimImportException">Not JSON, or none of those.</exception>
    public static ClaimFormat DetectJsonFormat(string json, string name)
    {
        using var document = ClaimFields.ParseDocument(json, name);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("claims", out _))
        {
            return ClaimFormat.Google;
        }

        var items = ClaimReviewReader.Items(root);
        if (items.Any(ClaimReviewReader.IsClaimReview))
        {
            return ClaimFormat.ClaimReview;
        }

        if (root.ValueKind == JsonValueKind.Array && items.Count > 0)
        {
            if (LooksLikeMafindo(items[0]))
            {
                return ClaimFormat.Mafindo;
            }

            if (items[0].ValueKind == JsonValueKind.Object && items[0].TryGetProperty("claim", out _))
            {
                return ClaimFormat.JsonLines;
            }
        }

        throw new ClaimImportException(
            $"{name}: cannot tell which kind of JSON this is (expected a Google Fact Check response with \"claims\", ClaimReview JSON-LD, or an array of TurnBackHoax records); give the format");
    }

    private static bool LooksLikeMafindo(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("title", out _) && !item.TryGetProperty("claim", out _)
        && (item.TryGetProperty("classification", out _) || item.TryGetProperty("tanggal", out _) || item.TryGetProperty("source_link", out _));

    private static TextReader OpenText(string path)
    {
        if (Directory.Exists(path))
        {
            throw new ClaimImportException($"{path}: is a folder, not a file");
        }

        if (!File.Exists(path))
        {
            throw new ClaimImportException($"{path}: file not found");
        }

        return new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
    }

    private static string? ReadLine(TextReader reader, string path)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (DecoderFallbackException ex)
        {
            throw new ClaimImportException($"{path}: not valid UTF-8 text (save the file as UTF-8)", ex);
        }
    }

    private static string ReadToEnd(TextReader reader, string path)
    {
        try
        {
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException ex)
        {
            throw new ClaimImportException($"{path}: not valid UTF-8 text (save the file as UTF-8)", ex);
        }
    }

    /// <summary>Bad bytes found while a reader runs become a one-line import error.</summary>
    private static IEnumerable<FactCheck> Decoded(IEnumerable<FactCheck> records, string name)
    {
        using var e = records.GetEnumerator();
        while (true)
        {
            try
            {
                if (!e.MoveNext())
                {
                    yield break;
                }
            }
            catch (DecoderFallbackException ex)
            {
                throw new ClaimImportException($"{name}: not valid UTF-8 text (save the file as UTF-8)", ex);
            }

            yield return e.Current;
        }
    }
}
