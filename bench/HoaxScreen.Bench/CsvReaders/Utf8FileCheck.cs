using System.Text.Unicode;

namespace HoaxScreen.Bench.CsvReaders;

/// <summary>
/// A streaming pass over a file's bytes that finds the line of the first sequence that is not UTF-8: what a wrapper
/// around CsvHelper's byte reader (which turns bad bytes into U+FFFD) would need to reject such a file as HoaxScreen does.
/// </summary>
internal static class Utf8FileCheck
{
    private const int BlockSize = 1 << 16;

    /// <summary>The 1-based line of the first invalid sequence, or null when the file is valid UTF-8.</summary>
    public static int? FirstInvalidLine(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[BlockSize];
        var carried = 0;
        var line = 1;
        while (true)
        {
            if (carried == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = stream.Read(buffer, carried, buffer.Length - carried);
            var length = carried + read;
            // Checked up to the last line break, which never falls inside a multi-byte sequence; the rest waits for more bytes.
            var checkedLength = read == 0 ? length : buffer.AsSpan(0, length).LastIndexOf((byte)'\n') + 1;
            var block = buffer.AsSpan(0, checkedLength);
            if (!Utf8.IsValid(block))
            {
                return line + FirstInvalidLineIn(block);
            }

            if (read == 0)
            {
                return null;
            }

            line += block.Count((byte)'\n');
            carried = length - checkedLength;
            buffer.AsSpan(checkedLength, carried).CopyTo(buffer);
        }
    }

    /// <summary>How many whole lines of <paramref name="block"/> come before the first invalid one.</summary>
    private static int FirstInvalidLineIn(ReadOnlySpan<byte> block)
    {
        var before = 0;
        while (true)
        {
            var end = block.IndexOf((byte)'\n');
            var current = end < 0 ? block : block[..end];
            if (!Utf8.IsValid(current) || end < 0)
            {
                return before;
            }

            block = block[(end + 1)..];
            before++;
        }
    }
}
