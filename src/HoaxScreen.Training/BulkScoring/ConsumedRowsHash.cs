using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// SHA-256 over the input rows a <c>score</c> run has consumed, in order: each row's text and, when the output carries
/// ids, its id, as length-prefixed UTF-8 (so no two different sequences of rows hash alike by moving a boundary). That is
/// everything of a row that reaches the output, so two inputs whose first N rows hash alike give the same first N output
/// rows. Fed as rows are written, and on <c>--resume</c> again as the rows already written are read back, which is how
/// a resumed run proves its input still begins with the rows it scored.
/// </summary>
public sealed class ConsumedRowsHash : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _buffer = new byte[1024];

    /// <summary>Adds one row: its text, and its id as JSON text (null when the row has none or ids are not kept).</summary>
    public void Append(string text, string? idJson)
    {
        AppendField(text);
        if (idJson is null)
        {
            _hash.AppendData([0]);
        }
        else
        {
            _hash.AppendData([1]);
            AppendField(idJson);
        }
    }

    /// <summary>The hash of the rows so far, as lower-case hex; more rows can still be added.</summary>
    public string Current => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public void Dispose() => _hash.Dispose();

    private void AppendField(string value)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length) + sizeof(int);
        if (_buffer.Length < maxBytes)
        {
            _buffer = new byte[Math.Max(maxBytes, _buffer.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(sizeof(int)));
        BinaryPrimitives.WriteInt32LittleEndian(_buffer, length);
        _hash.AppendData(_buffer, 0, sizeof(int) + length);
    }
}
