using System.Text.RegularExpressions;

namespace HoaxScreen.Tests.Shared;

/// <summary>Runs of six words (the whole text when shorter): a shared run between two posts marks a paraphrase, not a coincidence.</summary>
public static partial class Shingles
{
    public static IEnumerable<string> Of(string text)
    {
        var words = WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();
        return words.Length < 6 ? [string.Join(' ', words)] : Enumerable.Range(0, words.Length - 5).Select(i => string.Join(' ', words[i..(i + 6)]));
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();
}
