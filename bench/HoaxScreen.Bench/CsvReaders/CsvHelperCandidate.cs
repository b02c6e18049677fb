using CsvHelper;

namespace HoaxScreen.Bench.CsvReaders;

/// <summary>
/// CsvHelper 34: malformed quoting and a wrong field count throw, line numbers tracked, the separator detected from the
/// input, blank lines skipped (its default), UTF-8 bytes read from the file.
/// </summary>
internal sealed class CsvHelperCandidate : ICsvCandidate
{
    private static readonly CsvReaderOptions Strict = new()
    {
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MissingField = CsvMissingFieldHandling.Throw,
        TrackLineNumbers = true,
    };

    public string Name => "CsvHelper 34.0.0";

    public (int Posts, long Characters) ReadPosts(string path)
    {
        using var reader = CsvReader.FromFile(path, Strict);
        var header = reader.Headers;
        var text = CsvColumns.IndexOf(header, "text");
        var id = CsvColumns.IndexOf(header, "id");
        var posts = 0;
        long characters = 0;
        while (reader.Read())
        {
            characters += reader.GetString(text).Length + reader.GetString(id).Length;
            posts++;
        }

        return (posts, characters);
    }

    public CsvReadResult ReadAll(string path)
    {
        using var reader = CsvReader.FromFile(path, Strict);
        var rows = new List<CsvRow>();
        if (reader.Headers.Count > 0)
        {
            rows.Add(new CsvRow(0, [.. reader.Headers]));
        }

        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            rows.Add(new CsvRow((int)reader.LineNumber, fields));
        }

        return new CsvReadResult(reader.Separator, rows);
    }

    public int? ErrorLine(Exception error) => error is CsvFormatException { LineNumber: > 0 } format ? (int)format.LineNumber : null;
}
