using System.Buffers;
using System.Text;

namespace HoaxScreen.Core.Text;

/// <summary>
/// Stage 1 of <see cref="TextNormalizer"/>: the post with white space made ' ', invisible characters dropped and, when
/// <see cref="NormalizerSettings.FoldUnicode"/> is on, every other code point folded by <see cref="UnicodeFolding"/>
/// (emoji kept as written). Optionally maps each folded character back to the characters of the original it came from.
/// </summary>
internal sealed class FoldedText
{
    /// <summary>ASCII characters that folding copies unchanged: all of them but the white space other than ' '.</summary>
    private static readonly SearchValues<char> FoldsToItself = SearchValues.Create(
        [.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => c == ' ' || !Rune.IsWhiteSpace(new Rune(c)))]);

    // Null maps: the folded text is the original, character for character.
    private readonly int[]? _starts;
    private readonly int[]? _ends;

    private FoldedText(string text, int[]? starts, int[]? ends)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
    }

    public string Text { get; }

    /// <summary>Original start of the folded character at <paramref name="index"/>.</summary>
    public int OriginalStart(int index) => _starts is null ? index : _starts[index];

    /// <summary>Original end (exclusive) of the folded character at <paramref name="index"/>.</summary>
    public int OriginalEnd(int index) => _ends is null ? index + 1 : _ends[index];

    /// <summary>
    /// Folds <paramref name="raw"/>. Without <paramref name="withOffsets"/> (the model text needs none) the offset methods
    /// must not be used; the folded text is the same either way.
    /// </summary>
    public static FoldedText Fold(string raw, bool foldUnicode, bool withOffsets)
    {
        // Most posts are plain ASCII: nothing to fold, and each character is its own original.
        if (raw.AsSpan().IndexOfAnyExcept(FoldsToItself) < 0)
        {
            return new FoldedText(raw, null, null);
        }

        var text = new StringBuilder(raw.Length);
        var starts = new List<int>(withOffsets ? raw.Length : 0);
        var ends = new List<int>(withOffsets ? raw.Length : 0);
        for (var i = 0; i < raw.Length;)
        {
            if (Rune.DecodeFromUtf16(raw.AsSpan(i), out var rune, out var consumed) != OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                consumed = 1;
            }

            void Emit(ReadOnlySpan<char> chars)
            {
                text.Append(chars);
                if (withOffsets)
                {
                    foreach (var c in chars)
                    {
                        starts.Add(i);
                        ends.Add(i + consumed);
                    }
                }
            }

            if (Rune.IsWhiteSpace(rune))
            {
                Emit(" ");
            }
            else if (rune.IsAscii)
            {
                Emit([(char)rune.Value]);
            }
            else if (!foldUnicode)
            {
                // The rune, not the raw units: a lone surrogate has become U+FFFD.
                Emit(rune.ToString());
            }
            else if (!UnicodeFolding.IsInvisible(rune))
            {
                Emit(UnicodeFolding.IsEmoji(rune) ? raw.AsSpan(i, consumed) : UnicodeFolding.Fold(rune));
            }

            i += consumed;
        }

        return new FoldedText(text.ToString(), [.. starts], [.. ends]);
    }
}
