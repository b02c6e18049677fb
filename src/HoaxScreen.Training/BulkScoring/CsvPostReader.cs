using HoaxScreen.Core.Data;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// Posts of a CSV file: the header names the text column (matched case-insensitively) and optionally an <c>id</c>
/// column; other columns are ignored. Fields are separated by ',' ';' or tab, as given or as detected from the header.
/// Blank lines are skipped; a row with the wrong number of fields is an error.
/// </summary>
public sealed class CsvPostReader : IPostReader
{
    private readonly CsvRecordReader _reader;
    private readonly string _path;
    private readonly int _headerLength;
    private readonly int _textColumn;
    private readonly int _idColumn;

    /// <summary>Opens the file and checks its header, so a wrong file fails before the model is loaded.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="textColumnName">The header of the text column.</param>
    /// <param name="delimiter">The field separator, or null to detect it from the header line.</param>
    public CsvPostReader(string path, string textColumnName, char? delimiter)
    {
        _path = path;
        _reader = CsvRecordReader.Open(path, delimiter);
        try
        {
            var header = _reader.ReadRecord() ?? throw new DataFormatException($"{path}:1: file is empty (expected a header row)");
            _headerLength = header.Length;
            _textColumn = Column(header, textColumnName);
            if (_textColumn < 0)
            {
                throw new DataFormatException(
                    $"{path}:{_reader.RecordLine}: no text column '{textColumnName}' (columns: {string.Join(", ", header)}){CsvDelimiters.HeaderHint(header, _reader.Delimiter)}");
            }

            _idColumn = Column(header, "id");
            Length = new FileInfo(path).Length;
        }
        catch
        {
            _reader.Dispose();
            throw;
        }
    }

    public long Length { get; }

    public long Position => _reader.BytesRead;

    public bool HasIds => _idColumn >= 0;

    /// <summary>The field separator the file is read with.</summary>
    public char Delimiter => _reader.Delimiter;

    public bool TryRead(out string text, out string? idJson)
    {
        var record = _reader.ReadRecord();
        if (record is null)
        {
            text = string.Empty;
            idJson = null;
            return false;
        }

        if (record.Length != _headerLength)
        {
            throw new DataFormatException(
                $"{_path}:{_reader.RecordLine}: expected {_headerLength} fields, found {record.Length} ({CsvDelimiters.FieldCountHint(_reader.Delimiter)})");
        }

        text = record[_textColumn];
        idJson = _idColumn >= 0 ? JsonText.Quote(record[_idColumn]) : null;
        return true;
    }

    public void Dispose() => _reader.Dispose();

    private static int Column(string[] header, string name) =>
        Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
}
