namespace HoaxScreen.Core.TermLists;

/// <summary>
/// A word written with masked letters ("an*ing", "K*F*R"): the shape a listed word must fit, letter for letter, with
/// each '*' standing for one letter.
/// </summary>
internal static class MaskedWord
{
    /// <summary>
    /// The lower-case mask of <paramref name="spelling"/>, or null when it is not a masked word: only letters and '*',
    /// at least three characters, at least two letters, and no more stars than letters (so "***" or "a**" fit nothing).
    /// </summary>
    public static string? Pattern(ReadOnlySpan<char> spelling)
    {
        if (spelling.Length < 3)
        {
            return null;
        }

        var letters = 0;
        Span<char> mask = spelling.Length <= 64 ? stackalloc char[spelling.Length] : new char[spelling.Length];
        for (var i = 0; i < spelling.Length; i++)
        {
            var c = spelling[i];
            if (c == '*')
            {
                mask[i] = c;
            }
            else if (char.IsLetter(c))
            {
                mask[i] = char.ToLowerInvariant(c);
                letters++;
            }
            else
            {
                return null;
            }
        }

        return letters >= 2 && letters >= spelling.Length - letters ? new string(mask) : null;
    }

    /// <summary>Whether <paramref name="word"/> has the mask's length and its letters wherever the mask has letters.</summary>
    public static bool Fits(string mask, string word)
    {
        if (mask.Length != word.Length)
        {
            return false;
        }

        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] != '*' && mask[i] != word[i])
            {
                return false;
            }
        }

        return true;
    }
}
