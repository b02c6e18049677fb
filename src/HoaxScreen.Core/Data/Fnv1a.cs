using System.Text;

namespace HoaxScreen.Core.Data;

/// <summary>32-bit FNV-1a over UTF-8, the hash the shared datasets use for their own held-out rule.</summary>
public static class Fnv1a
{
    public static uint Hash32(string text)
    {
        var hash = 2166136261u;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < length; i++)
            {
                hash ^= buffer[i];
                hash = unchecked(hash * 16777619u);
            }
        }

        return hash;
    }

    public static uint Hash32Utf8(ReadOnlySpan<byte> utf8)
    {
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash ^= b;
            hash = unchecked(hash * 16777619u);
        }

        return hash;
    }

    internal static uint Hash32ViaEncoding(string text) => Hash32Utf8(Encoding.UTF8.GetBytes(text));
}
