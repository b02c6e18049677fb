namespace HoaxScreen.Core.Text;

/// <summary>
/// Stage 3 of <see cref="TextNormalizer"/>: letters split by spaces, dots, dashes, underscores or asterisks are joined
/// (k.a.f.i.r → kafir), and two spelled-out words in a row are split where the lexicon says.
/// </summary>
internal static class SpacedLetters
{
    /// <summary>The pieces with each run of three or more spaced single letters joined, written to <paramref name="result"/> (cleared first).</summary>
    public static List<Piece> Join(string s, List<Piece> pieces, Lexicon lexicon, List<Piece> result)
    {
        result.Clear();
        for (var i = 0; i < pieces.Count;)
        {
            var run = i;
            bool? punctuated = null;
            while (run < pieces.Count && IsSingleLetter(s, pieces[run])
                && (run == i || IsLetterGap(s, pieces[run - 1].End, pieces[run].Start, ref punctuated)))
            {
                run++;
            }

            if (run - i >= 3)
            {
                var letters = string.Concat(pieces.Skip(i).Take(run - i).Select(p => s[p.Start]));
                // "c e b o n g b o d o h": two spelled-out words in a row split where the lexicon says.
                var segments = lexicon.IsKnown(letters.ToLowerInvariant()) ? null : WordSegmentation.Segment(letters.ToLowerInvariant(), lexicon);
                if (segments is null)
                {
                    result.Add(new Piece(PieceKind.Word, pieces[i].Start, pieces[run - 1].End, letters));
                }
                else
                {
                    var offset = 0;
                    foreach (var length in segments)
                    {
                        result.Add(new Piece(PieceKind.Word, pieces[i + offset].Start, pieces[i + offset + length - 1].End, letters.Substring(offset, length)));
                        offset += length;
                    }
                }

                i = run;
            }
            else
            {
                result.Add(pieces[i]);
                i++;
            }
        }

        return result;
    }

    /// <summary>k*a*f*i*r inside one word: letters at even positions, stars at odd ones (the stars are this rule's to drop).</summary>
    public static bool IsStarSpaced(string word)
    {
        if (word.Length < 5 || word.Length % 2 == 0)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            if (i % 2 == 0 ? !char.IsLetter(word[i]) : word[i] != '*')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSingleLetter(string s, Piece piece) =>
        piece.Kind == PieceKind.Word && piece.Joined is null && piece.End - piece.Start == 1 && char.IsLetter(s[piece.Start]);

    // A run keeps one kind of gap: "k.a.f.i.r b.a.b.i" is two words, not "kafirbabi" (the space between them differs
    // from the dots inside them). Runs spaced only by blanks ("k a f i r b a b i") stay ambiguous and are joined.
    private static bool IsLetterGap(string s, int from, int to, ref bool? punctuated)
    {
        if (to - from is < 1 or > 3)
        {
            return false;
        }

        var hasPunctuation = false;
        for (var i = from; i < to; i++)
        {
            if (s[i] is not (' ' or '.' or '-' or '_' or '*' or '·'))
            {
                return false;
            }

            hasPunctuation |= s[i] != ' ';
        }

        punctuated ??= hasPunctuation;
        return punctuated == hasPunctuation;
    }
}
