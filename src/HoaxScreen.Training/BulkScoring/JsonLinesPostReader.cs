using System.Text;
using System.Text.Json;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// Posts of a JSON Lines file: each line one JSON object with a string field holding the text (<c>text</c> unless
/// named otherwise; field names are case-sensitive, as in JSON) and optionally an <c>id</c> of any JSON type; other
/// fields are ignored. Lines that are empty or only whitespace are skipped (they hold no post; editors and exports
/// often end a file with one). LF or CRLF line ends, an optional UTF-8 byte order mark. Reads bytes and parses each line
/// in place, so the position it reports for progress is exact. The first post is read when the file is opened, to tell
/// whether the input has ids (and so that a file that is not JSON Lines fails before the model is loaded).
/// </summary>
public sealed class JsonLinesPostReader : IPostReader
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private readonly FileStream _stream;
    private readonly string _path;
    private readonly string _textField;
    private readonly byte[] _textFieldUtf8;
    private (string Text, string? IdJson)? _first;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _endOfFile;
    private int _line;

    public JsonLinesPostReader(string path, string textField)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException($"{path}: file not found");
        }

        _path = path;
        _textField = textField;
        _textFieldUtf8 = Encoding.UTF8.GetBytes(textField);
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        Length = _stream.CanSeek ? _stream.Length : 0;
        try
        {
            if (ReadPost(out var text, out var idJson))
            {
                _first = (text, idJson);
                HasIds = idJson is not null;
            }
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    public long Length { get; }

    public long Position { get; private set; }

    public bool HasIds { get; }

    public bool TryRead(out string text, out string? idJson)
    {
        if (_first is { } first)
        {
            (text, idJson) = first;
            _first = null;
            return true;
        }

        return ReadPost(out text, out idJson);
    }

    public void Dispose() => _stream.Dispose();

    private bool ReadPost(out string text, out string? idJson)
    {
        while (NextLine(out var line))
        {
            _line++;
            if (_line == 1 && line.StartsWith(ByteOrderMark))
            {
                line = line[ByteOrderMark.Length..];
            }

            if (line.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            (text, idJson) = Parse(line);
            return true;
        }

        text = string.Empty;
        idJson = null;
        return false;
    }

    private (string Text, string? IdJson) Parse(ReadOnlySpan<byte> line)
    {
        string? text = null;
        string? id = null;
        var reader = new Utf8JsonReader(line);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Error($"expected a JSON object, found {Describe(reader.TokenType)}");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(_textFieldUtf8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw Error($"\"{_textField}\" is {Describe(reader.TokenType)}, not a string");
                    }

                    text = reader.GetString();
                }
                else if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    var raw = line[start..(int)reader.BytesConsumed];
                    id = System.Text.Unicode.Utf8.IsValid(raw) ? Encoding.UTF8.GetString(raw) : throw Error("not valid UTF-8 text (save the file as UTF-8)");
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // Anything after the object but whitespace makes Read throw.
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            var reason = ex.Message.Split(" LineNumber:", 2)[0].TrimEnd();
            throw Error($"not valid JSON at byte {ex.BytePositionInLine + 1} ({reason})");
        }
        catch (InvalidOperationException ex) when (ex.InnerException is DecoderFallbackException)
        {
            throw Error("not valid UTF-8 text (save the file as UTF-8)");
        }

        return text is null ? throw Error($"no \"{_textField}\" field") : (text, id);
    }

    /// <summary>The next line without its '\n', valid until the next call; false at the end of the file.</summary>
    private bool NextLine(out ReadOnlySpan<byte> line)
    {
        var searchFrom = _start;
        while (true)
        {
            var newline = _buffer.AsSpan(searchFrom, _end - searchFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var end = searchFrom + newline;
                line = _buffer.AsSpan(_start, end - _start);
                Position += end + 1 - _start;
                _start = end + 1;
                return true;
            }

            if (_endOfFile)
            {
                line = _buffer.AsSpan(_start, _end - _start);
                Position += _end - _start;
                var any = _end > _start;
                _start = _end;
                return any;
            }

            searchFrom = _end - _start;
            Fill();
        }
    }

    // Keeps the unread part at the front of the buffer (doubling it for a line longer than the buffer) and reads more.
    private void Fill()
    {
        var kept = _end - _start;
        if (kept == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, kept).CopyTo(_buffer);
        }

        _start = 0;
        _end = kept;
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _endOfFile = read == 0;
    }

    private DataFormatException Error(string reason) => new($"{_path}:{_line}: {reason}");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };
}
