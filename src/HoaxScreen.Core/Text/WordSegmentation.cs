namespace HoaxScreen.Core.Text;

/// <summary>
/// Splits a run of letters written without spaces into known words, for hashtags (#tolakhoaks) and spelled-out letters
/// ("c e b o n g b o d o h").
/// </summary>
internal static class WordSegmentation
{
    /// <summary>The lengths of the known words that make up <paramref name="word"/> (fewest words wins), or null when it cannot.</summary>
    public static int[]? Segment(string word, Lexicon lexicon)
    {
        if (word.Length > 40 || !word.All(char.IsLetter))
        {
            return null;
        }

        var best = new int[word.Length + 1];
        var from = new int[word.Length + 1];
        Array.Fill(best, int.MaxValue);
        best[0] = 0;
        for (var end = 1; end <= word.Length; end++)
        {
            for (var start = Math.Max(0, end - 15); start <= end - 2; start++)
            {
                if (best[start] != int.MaxValue && best[start] + 1 < best[end] && lexicon.IsKnown(word.AsSpan(start, end - start)))
                {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }

        if (best[word.Length] == int.MaxValue || best[word.Length] < 2)
        {
            return null;
        }

        var lengths = new List<int>();
        for (var end = word.Length; end > 0; end = from[end])
        {
            lengths.Add(end - from[end]);
        }

        lengths.Reverse();
        return [.. lengths];
    }
}
