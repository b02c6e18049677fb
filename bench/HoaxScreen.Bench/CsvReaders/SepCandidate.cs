using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using nietras.SeparatedValues;

namespace HoaxScreen.Bench.CsvReaders;

/// <summary>
/// Sep 0.18: quotes unescaped, the separator detected from the first row, text decoded by a strict UTF-8 reader (Sep's
/// own file opening replaces bad bytes silently). Sep's own field-count check is off and done here instead, because with
/// it on a blank line is an error (Sep's documented way to skip blank rows is to turn the check off).
/// </summary>
internal sealed partial class SepCandidate : ICsvCandidate
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Name => "Sep 0.18.0";

    public (int Posts, long Characters) ReadPosts(string path)
    {
        using var reader = Open(path);
        var header = reader.Header.ColNames;
        var text = CsvColumns.IndexOf(header, "text");
        var id = CsvColumns.IndexOf(header, "id");
        var posts = 0;
        long characters = 0;
        foreach (var row in reader)
        {
            if (row.Span.Length == 0)
            {
                continue;
            }

            CheckFieldCount(row, header.Count);
            characters += row[text].ToString().Length + row[id].ToString().Length;
            posts++;
        }

        return (posts, characters);
    }

    public CsvReadResult ReadAll(string path)
    {
        using var reader = Open(path);
        var header = reader.Header.ColNames;
        // Sep keeps no line for the header; an empty file has no header at all.
        var rows = new List<CsvRow>();
        if (header.Count > 0)
        {
            rows.Add(new CsvRow(0, [.. header]));
        }

        foreach (var row in reader)
        {
            if (row.Span.Length == 0)
            {
                continue;
            }

            CheckFieldCount(row, header.Count);
            var fields = new string[row.ColCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = row[i].ToString();
            }

            rows.Add(new CsvRow(row.LineNumberFrom, fields));
        }

        return new CsvReadResult(reader.Spec.Sep.Separator, rows);
    }

    public int? ErrorLine(Exception error) =>
        LineInMessage().Match(error.Message) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static SepReader Open(string path) =>
        Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true));

    private static void CheckFieldCount(SepReader.Row row, int expected)
    {
        if (row.ColCount != expected)
        {
            throw new InvalidDataException($"lines [{row.LineNumberFrom}..{row.LineNumberToExcl}]: expected {expected} fields, found {row.ColCount}");
        }
    }

    // Sep's messages and the check above name a row's lines as "lines [from..toExcl]".
    [GeneratedRegex(@"lines \[(\d+)\.\.")]
    private static partial Regex LineInMessage();
}
