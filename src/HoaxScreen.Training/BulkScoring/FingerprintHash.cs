using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>How the checkpoint's fingerprints feed fields to a hash.</summary>
public static class FingerprintHash
{
    /// <summary>Length-prefixed UTF-8, so no two different lists of fields hash alike by moving a boundary.</summary>
    public static void Append(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
