namespace HoaxScreen.Core.Claims.Matching;

/// <summary>A normalised post taken apart once (its distinct words and character trigrams) for all its candidates.</summary>
public sealed class PostView
{
    private PostView(HashSet<string> words, int wordCount, HashSet<string> trigrams)
    {
        Words = words;
        WordCount = wordCount;
        Trigrams = trigrams;
    }

    public HashSet<string> Words { get; }

    public int WordCount { get; }

    public HashSet<string> Trigrams { get; }

    public static PostView Of(string normalizedText)
    {
        var words = PairFeatures.Words(normalizedText);
        return new PostView(words.ToHashSet(StringComparer.Ordinal), words.Length, PairFeatures.Trigrams(normalizedText));
    }
}
