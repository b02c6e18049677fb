using System.Text;

namespace HoaxScreen.Core.Text;

/// <summary>Elongation: bangeeettt → banget, wkwkwkwk → wkwk, the lexicon choosing one or two letters per run.</summary>
internal static class Elongation
{
    public static string Shorten(string word, Lexicon lexicon)
    {
        if (word.Length < 3)
        {
            return word;
        }

        // wkwkwk, hahaha, hehehe: a two-letter unit repeated → two repeats.
        if (word.Length >= 6 && word[0] != word[1] && char.IsLetter(word[0]) && char.IsLetter(word[1]))
        {
            var periodic = true;
            for (var i = 2; i < word.Length && periodic; i++)
            {
                periodic = word[i] == word[i - 2];
            }

            if (periodic)
            {
                return word[..4];
            }
        }

        var runs = new List<(int Start, int Length)>();
        for (var i = 0; i < word.Length;)
        {
            var j = i + 1;
            while (j < word.Length && word[j] == word[i])
            {
                j++;
            }

            if (j - i >= 3 && char.IsLetter(word[i]))
            {
                runs.Add((i, j - i));
            }

            i = j;
        }

        if (runs.Count == 0)
        {
            return word;
        }

        // Try one or two letters per run; the lexicon picks, otherwise one letter each.
        var combinations = runs.Count <= 4 ? 1 << runs.Count : 1;
        for (var mask = 0; mask < combinations; mask++)
        {
            var candidate = Collapse(word, runs, mask);
            if (lexicon.IsKnown(candidate))
            {
                return candidate;
            }
        }

        return Collapse(word, runs, 0);
    }

    /// <summary>
    /// Whether <see cref="Shorten"/> would change a word of letters: it has a run of three equal letters, or (six letters or
    /// more) is one two-letter unit repeated.
    /// </summary>
    public static bool IsElongated(ReadOnlySpan<char> letters) => HasRunOfThree(letters) || IsRepeatedPair(letters);

    private static bool HasRunOfThree(ReadOnlySpan<char> word)
    {
        for (var i = 2; i < word.Length; i++)
        {
            if (word[i] == word[i - 1] && word[i] == word[i - 2])
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRepeatedPair(ReadOnlySpan<char> word)
    {
        if (word.Length < 6 || word[0] == word[1])
        {
            return false;
        }

        for (var i = 2; i < word.Length; i++)
        {
            if (word[i] != word[i - 2])
            {
                return false;
            }
        }

        return true;
    }

    private static string Collapse(string word, List<(int Start, int Length)> runs, int twoLetterMask)
    {
        var builder = new StringBuilder(word.Length);
        var position = 0;
        for (var r = 0; r < runs.Count; r++)
        {
            var (start, length) = runs[r];
            builder.Append(word, position, start - position);
            builder.Append(word[start], (twoLetterMask & (1 << r)) != 0 ? 2 : 1);
            position = start + length;
        }

        builder.Append(word, position, word.Length - position);
        return builder.ToString();
    }
}
