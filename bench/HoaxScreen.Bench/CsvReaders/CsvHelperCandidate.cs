using System.Text;
using CsvHelper;

namespace HoaxScreen.Bench.CsvReaders;

/// <summary>
/// CsvHelper 34: malformed quoting and a wrong field count throw, line numbers tracked, the separator detected from the
/// input, blank lines skipped (its default). Either UTF-8 bytes read from the file (its fast path, which puts U+FFFD for
/// bytes that are not UTF-8 whatever <c>Encoding</c> says), or text from a strict UTF-8 <see cref="StreamReader"/>, which
/// rejects them (transcoded back to UTF-8 by CsvHelper).
/// </summary>
internal sealed class CsvHelperCandidate(bool strictText) : ICsvCandidate
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly CsvReaderOptions Strict = new()
    {
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MissingField = CsvMissingFieldHandling.Throw,
        TrackLineNumbers = true,
    };

    public string Name => strictText ? "CsvHelper 34.0.0, strict UTF-8 `StreamReader`" : "CsvHelper 34.0.0";

    public (int Posts, long Characters) ReadPosts(string path)
    {
        using var reader = Open(path);
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
        using var reader = Open(path);
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

    private CsvReader Open(string path) => strictText
        ? CsvReader.Create(new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true), Strict, leaveOpen: false)
        : CsvReader.FromFile(path, Strict);

    public int? ErrorLine(Exception error) => error is CsvFormatException { LineNumber: > 0 } format ? (int)format.LineNumber : null;
}
