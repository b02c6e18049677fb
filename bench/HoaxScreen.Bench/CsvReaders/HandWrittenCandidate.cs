using System.Text.RegularExpressions;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Bench.CsvReaders;

/// <summary>
/// HoaxScreen's own <see cref="CsvRecordReader"/>, opened as the bulk <c>score</c> opens it (strict UTF-8, separator
/// detected) with the field-count check its callers do (<c>CsvPostReader</c>, the training loader).
/// </summary>
internal sealed partial class HandWrittenCandidate : ICsvCandidate
{
    public string Name => "hand-written `CsvRecordReader`";

    public (int Posts, long Characters) ReadPosts(string path)
    {
        using var reader = CsvRecordReader.Open(path, delimiter: null);
        var header = reader.ReadRecord() ?? throw new DataFormatException($"{path}:1: file is empty");
        var text = CsvColumns.IndexOf(header, "text");
        var id = CsvColumns.IndexOf(header, "id");
        var posts = 0;
        long characters = 0;
        while (reader.ReadRecord() is { } record)
        {
            CheckFieldCount(path, reader, header, record);
            characters += record[text].Length + record[id].Length;
            posts++;
        }

        return (posts, characters);
    }

    public CsvReadResult ReadAll(string path)
    {
        using var reader = CsvRecordReader.Open(path, delimiter: null);
        var rows = new List<CsvRow>();
        string[]? header = null;
        while (reader.ReadRecord() is { } record)
        {
            header ??= record;
            CheckFieldCount(path, reader, header, record);
            rows.Add(new CsvRow(reader.RecordLine, record));
        }

        return new CsvReadResult(reader.Delimiter, rows);
    }

    public int? ErrorLine(Exception error) =>
        FileAndLine().Match(error.Message) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static void CheckFieldCount(string path, CsvRecordReader reader, string[] header, string[] record)
    {
        if (record.Length != header.Length)
        {
            throw new DataFormatException(
                $"{path}:{reader.RecordLine}: expected {header.Length} fields, found {record.Length} ({CsvDelimiters.FieldCountHint(reader.Delimiter)})");
        }
    }

    [GeneratedRegex(@"\.csv:(\d+): ")]
    private static partial Regex FileAndLine();
}
