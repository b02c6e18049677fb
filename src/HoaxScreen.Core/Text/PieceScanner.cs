using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace HoaxScreen.Core.Text;

/// <summary>
/// Stage 2 of <see cref="TextNormalizer"/>: cuts the folded text into pieces: links (<see cref="UrlDetection"/>),
/// @mentions, hashtag words (<see cref="HashtagSplitting"/>), emoji and words; other punctuation separates them.
/// </summary>
internal static class PieceScanner
{
    /// <summary>Fills <paramref name="pieces"/> (cleared first) with the pieces of the folded text <paramref name="s"/>, in order.</summary>
    public static List<Piece> Scan(string s, NormalizerSettings settings, Lexicon lexicon, List<Piece> pieces)
    {
        pieces.Clear();
        var chunkStart = 0;
        while (chunkStart < s.Length)
        {
            if (s[chunkStart] == ' ')
            {
                chunkStart++;
                continue;
            }

            var chunkEnd = s.IndexOf(' ', chunkStart);
            if (chunkEnd < 0)
            {
                chunkEnd = s.Length;
            }

            if (settings.ReplaceUrls && UrlDetection.UrlSpan(s, chunkStart, chunkEnd) is { } urlEnd)
            {
                pieces.Add(new Piece(PieceKind.Url, chunkStart, urlEnd));
                ScanWords(s, urlEnd, chunkEnd, settings, lexicon, pieces);
            }
            else
            {
                ScanWords(s, chunkStart, chunkEnd, settings, lexicon, pieces);
            }

            chunkStart = chunkEnd;
        }

        return pieces;
    }

    // Called for most characters of a post: ASCII answers without the Unicode category table.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPieceChar(char c) => char.IsAscii(c) ? char.IsAsciiLetterOrDigit(c) || c is '@' or '$' or '*' : char.IsLetterOrDigit(c);

    private static void ScanWords(string s, int from, int to, NormalizerSettings settings, Lexicon lexicon, List<Piece> pieces)
    {
        var pos = from;
        while (pos < to)
        {
            var c = s[pos];
            if (c == '@' && settings.ReplaceMentions && pos + 1 < to && (char.IsAsciiLetterOrDigit(s[pos + 1]) || s[pos + 1] == '_')
                && (pos == from || !IsPieceChar(s[pos - 1])))
            {
                var end = pos + 1;
                while (end < to && (char.IsAsciiLetterOrDigit(s[end]) || s[end] == '_'))
                {
                    end++;
                }

                // "@njing" is a disguised word, not a mention.
                if (!(settings.DecodeLeetspeak && lexicon.IsWatchword(Leetspeak.Decode(s[pos..end].ToLowerInvariant()))))
                {
                    pieces.Add(new Piece(PieceKind.Mention, pos, end));
                    pos = end;
                    continue;
                }
            }

            if (c == '#' && pos + 1 < to && char.IsLetterOrDigit(s[pos + 1]))
            {
                var end = pos + 1;
                while (end < to && (char.IsLetterOrDigit(s[end]) || s[end] == '_'))
                {
                    end++;
                }

                HashtagSplitting.AddHashtag(s, pos + 1, end, settings, lexicon, pieces);
                pos = end;
                continue;
            }

            if (char.IsSurrogate(c) || c >= 0x2190)
            {
                if (Rune.DecodeFromUtf16(s.AsSpan(pos, to - pos), out var rune, out var consumed) == OperationStatus.Done
                    && UnicodeFolding.IsEmoji(rune))
                {
                    if (settings.KeepEmoji)
                    {
                        pieces.Add(new Piece(PieceKind.Emoji, pos, pos + consumed));
                    }

                    pos += consumed;
                    continue;
                }
            }

            if (IsPieceChar(c))
            {
                var end = pos;
                while (end < to && IsPieceChar(s[end]))
                {
                    end++;
                }

                // Trim mask characters that only decorate the word ("**anjing**").
                var start = pos;
                while (start < end && s[start] == '*')
                {
                    start++;
                }

                var stop = end;
                while (stop > start && s[stop - 1] == '*')
                {
                    stop--;
                }

                if (stop > start)
                {
                    pieces.Add(new Piece(PieceKind.Word, start, stop));
                }

                pos = end;
                continue;
            }

            pos++;
        }
    }
}
