using HoaxScreen.Core.Data;

namespace HoaxScreen.Core.Claims;

/// <summary>
/// The canonical CSV: a header with <c>id</c> and <c>claim</c> (required) and any of <c>verdict, url, publisher,
/// published, text</c>, plus optional <c>rating</c> (overrides the one derived from the verdict) and <c>language</c>;
/// other columns are ignored. Column names in any case; separator ',' ';' or tab, detected from the header.
/// </summary>
public static class CsvClaimReader
{
    public static IEnumerable<FactCheck> Read(TextReader text, string name)
    {
        using var csv = new CsvRecordReader(text, name, delimiter: null);
        var header = Next(csv) ?? throw new ClaimImportException($"{name}: empty file (expected a header line id,claim,verdict,url,publisher,published,text)");
        var columns = header.Select((h, i) => (Name: h.Trim().ToLowerInvariant(), Index: i))
            .GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Index, StringComparer.Ordinal);
        foreach (var required in new[] { "id", "claim" })
        {
            if (!columns.ContainsKey(required))
            {
                throw new ClaimImportException($"{name}:{csv.RecordLine}: no '{required}' column in the header (expected id,claim,verdict,url,publisher,published,text)");
            }
        }

        while (Next(csv) is { } row)
        {
            var where = $"{name}:{csv.RecordLine}";
            if (row.Length != header.Length)
            {
                throw new ClaimImportException($"{where}: {row.Length} fields, but the header has {header.Length}");
            }

            string? Field(string column) => columns.TryGetValue(column, out var index) ? row[index] : null;
            yield return ClaimFields.Canonical(
                Field("id"), Field("claim"), Field("verdict"), Field("rating"), Field("url"), Field("publisher"),
                Field("published"), Field("language"), Field("text"), where);
        }
    }

    private static string[]? Next(CsvRecordReader csv)
    {
        try
        {
            return csv.ReadRecord();
        }
        catch (DataFormatException ex)
        {
            throw new ClaimImportException(ex.Message, ex);
        }
    }
}
