using System.Buffers;
using System.Text;

namespace HoaxScreen.Core.Data;

/// <summary>
/// Streaming RFC 4180 reader: quoted fields, doubled quotes, embedded line breaks, CRLF or LF,
/// a leading BOM. Reports the line each record starts on so errors can name it. Fields are separated by ',' unless
/// told otherwise (';' or tab), or by whichever of them the first line uses when asked to detect it.
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly string _fileName;
    private readonly string? _path;
    private readonly StringBuilder _field = new();
    // Read in blocks rather than a character per call: a virtual call each was most of a post's reading time.
    private readonly char[] _buffer = new char[1 << 14];
    private int _position;
    private int _length;
    private int _line = 1;
    private bool _detect;
    private SearchValues<char> _unquotedStops;

    /// <param name="reader">The text to read.</param>
    /// <param name="fileName">How errors name the input.</param>
    /// <param name="delimiter">The field separator, or null to detect it from the first line (see <see cref="CsvDelimiters.Detect"/>).</param>
    public CsvRecordReader(TextReader reader, string fileName, char? delimiter = ',')
    {
        _reader = reader;
        _fileName = fileName;
        _detect = delimiter is null;
        Delimiter = delimiter ?? ',';
        _unquotedStops = StopsFor(Delimiter);
    }

    /// <summary>Opens a file strictly as UTF-8, so a wrongly encoded file fails loudly instead of garbling text.</summary>
    /// <param name="path">The file.</param>
    /// <param name="delimiter">The field separator, or null to detect it from the header line.</param>
    public static CsvRecordReader Open(string path, char? delimiter = ',')
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException($"{path}: file not found");
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        return new CsvRecordReader(new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true), path, path, delimiter);
    }

    private CsvRecordReader(TextReader reader, string fileName, string path, char? delimiter)
        : this(reader, fileName, delimiter)
    {
        _path = path;
    }

    /// <summary>The field separator: as given, or once the first record is read, the one detected from it.</summary>
    public char Delimiter { get; private set; }

    /// <summary>The line on which the most recently read record started.</summary>
    public int RecordLine { get; private set; }

    /// <summary>
    /// Bytes of the file read so far (reading runs ahead of the records by the stream's buffer and one block of characters), for progress;
    /// 0 when not reading a seekable stream.
    /// </summary>
    public long BytesRead => _reader is StreamReader { BaseStream: { CanSeek: true } stream } ? stream.Position : 0;

    /// <summary>Reads the next record, or null at the end. Blank lines are skipped.</summary>
    public string[]? ReadRecord()
    {
        while (true)
        {
            var record = ReadRawRecord();
            if (record is null)
            {
                return null;
            }

            if (record.Count == 1 && record[0].Length == 0)
            {
                continue;
            }

            return [.. record];
        }
    }

    private List<string>? ReadRawRecord()
    {
        int c;
        try
        {
            c = Next();
        }
        catch (DecoderFallbackException ex)
        {
            throw InvalidUtf8(ex);
        }

        if (c < 0)
        {
            return null;
        }

        if (_detect)
        {
            // The first line is in the buffer (unless it is longer than a block): its separators decide.
            _detect = false;
            Delimiter = CsvDelimiters.Detect(_buffer.AsSpan((_position - 1).._length));
            _unquotedStops = StopsFor(Delimiter);
        }

        RecordLine = _line;
        var fields = new List<string>();
        _field.Clear();
        var inQuotes = false;
        var wasQuoted = false;
        try
        {
            while (true)
            {
                if (c < 0)
                {
                    if (inQuotes)
                    {
                        throw new DataFormatException($"{_fileName}:{RecordLine}: quoted field is never closed");
                    }

                    fields.Add(_field.ToString());
                    return fields;
                }

                var ch = (char)c;
                if (inQuotes)
                {
                    if (ch == '"')
                    {
                        if (Peek() == '"')
                        {
                            Next();
                            _field.Append('"');
                        }
                        else
                        {
                            inQuotes = false;
                        }
                    }
                    else
                    {
                        if (ch == '\n')
                        {
                            _line++;
                        }

                        _field.Append(ch);
                        AppendRun(QuotedStops);
                    }
                }
                else if (ch == Delimiter)
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                    wasQuoted = false;
                }
                else if (ch == '\r' || ch == '\n')
                {
                    if (ch == '\r' && Peek() == '\n')
                    {
                        Next();
                    }

                    _line++;
                    fields.Add(_field.ToString());
                    return fields;
                }
                else if (ch == '"')
                {
                    if (_field.Length > 0 || wasQuoted)
                    {
                        throw new DataFormatException($"{_fileName}:{_line}: stray quote inside an unquoted field (quote the field and double inner quotes)");
                    }

                    inQuotes = true;
                    wasQuoted = true;
                }
                else
                {
                    if (wasQuoted)
                    {
                        throw new DataFormatException($"{_fileName}:{_line}: unexpected text after a closing quote");
                    }

                    _field.Append(ch);
                    AppendRun(_unquotedStops);
                }

                c = Next();
            }
        }
        catch (DecoderFallbackException ex)
        {
            throw InvalidUtf8(ex);
        }
    }

    // Characters with a meaning inside and outside quotes; the runs between them are copied in one go.
    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\n");
    private static readonly SearchValues<char> CommaStops = SearchValues.Create(",\"\r\n");
    private static readonly SearchValues<char> SemicolonStops = SearchValues.Create(";\"\r\n");
    private static readonly SearchValues<char> TabStops = SearchValues.Create("\t\"\r\n");

    private static SearchValues<char> StopsFor(char delimiter) => delimiter switch
    {
        ',' => CommaStops,
        ';' => SemicolonStops,
        '\t' => TabStops,
        _ => throw new ArgumentOutOfRangeException(nameof(delimiter), delimiter, "the separator must be ',', ';' or tab"),
    };

    /// <summary>Appends the buffered characters up to the next one in <paramref name="stops"/> (not refilling the buffer).</summary>
    private void AppendRun(SearchValues<char> stops)
    {
        var rest = _buffer.AsSpan(_position, _length - _position);
        var run = rest.IndexOfAny(stops);
        if (run < 0)
        {
            run = rest.Length;
        }

        _field.Append(rest[..run]);
        _position += run;
    }

    private int Next()
    {
        var c = Peek();
        if (c >= 0)
        {
            _position++;
        }

        return c;
    }

    private int Peek()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position];
    }

    private bool Fill()
    {
        _position = 0;
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        return _length > 0;
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>
    /// The reader decodes a block ahead of the record it is parsing, so the line it is on is not where the bad bytes are;
    /// for a file, find the line of the first invalid sequence.
    /// </summary>
    private DataFormatException InvalidUtf8(DecoderFallbackException ex)
    {
        var line = _path is not null && FirstInvalidUtf8Line(_path) is { } found ? found : _line;
        return new DataFormatException($"{_fileName}:{line}: not valid UTF-8 text (save the file as UTF-8)", ex);
    }

    /// <summary>The 1-based line of the first byte sequence that is not UTF-8, or null when the whole file is valid.</summary>
    internal static int? FirstInvalidUtf8Line(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length];
        var carried = 0;
        var line = 1;
        int read;
        while ((read = stream.Read(buffer, carried, buffer.Length - carried)) > 0 || carried > 0)
        {
            var length = carried + read;
            var isFinal = read == 0;
            var status = System.Text.Unicode.Utf8.ToUtf16(
                buffer.AsSpan(0, length), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: isFinal);
            line += buffer.AsSpan(0, consumed).Count((byte)'\n');
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return line;
            }

            if (isFinal)
            {
                return null;
            }

            carried = length - consumed;
            buffer.AsSpan(consumed, carried).CopyTo(buffer);
        }

        return null;
    }
}
