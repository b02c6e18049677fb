namespace HoaxScreen.Training.Cli;

/// <summary>
/// The command or option a mistyped word most likely meant ("scroe" → score, "--modle" → --model): the nearest name by
/// edit distance with adjacent swaps counted as one edit, when it is near enough to be a typo rather than another word.
/// System.CommandLine's own suggestions come only inside its multi-line error report, so the CLI's one line asks here.
/// </summary>
public static class TypoSuggestion
{
    public static string? Closest(string given, IEnumerable<string> names)
    {
        var word = given.TrimStart('-');
        // One edit in a short word, two from seven letters on: "import" is not a typo of "export".
        var allowed = Math.Max(1, (word.Length - 1) / 3);
        return names
            .Select(name => (Name: name, Distance: Distance(word, name.TrimStart('-'))))
            .Where(candidate => candidate.Distance <= allowed)
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Name)
            .FirstOrDefault();
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
