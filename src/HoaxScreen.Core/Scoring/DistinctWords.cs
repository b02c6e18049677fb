using HoaxScreen.Core.Text;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// One word of a post as explanations see it: every occurrence that normalises to the same tokens (anjing, Anjing and
/// a*jing alike), with the span of each in the original text, in order.
/// </summary>
/// <param name="Key">The normalised form: the tokens of one occurrence joined by spaces (gpp → "tidak apa apa").</param>
/// <param name="Spans">Each occurrence's span in the original text, in order of appearance.</param>
/// <param name="IsFunctionWord">True when every token of the word is in <see cref="FunctionWords"/>.</param>
internal sealed record DistinctWord(string Key, IReadOnlyList<WordSpan> Spans, bool IsFunctionWord);

/// <summary>Groups a normalised post's tokens into <see cref="DistinctWord"/>s, the units explanations occlude.</summary>
internal static class DistinctWords
{
    /// <summary>
    /// The distinct words of <paramref name="analysed"/> in order of first appearance, at most <paramref name="maxWords"/>
    /// of them, and for each token the index of its word (-1 for a word past the cap, which is never occluded).
    /// </summary>
    public static (IReadOnlyList<DistinctWord> Words, int[] WordOfToken) Collect(NormalizedText analysed, int maxWords)
    {
        var tokens = analysed.Tokens;
        var wordOfToken = new int[tokens.Count];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>();
        var spans = new List<List<WordSpan>>();
        var functionWord = new List<bool>();

        for (var i = 0; i < tokens.Count;)
        {
            // Consecutive tokens from one span of the original (k a f i r → kafir, gpp → tidak apa apa) are one word to a reader.
            var last = i;
            while (last + 1 < tokens.Count && tokens[last + 1].Start == tokens[i].Start && tokens[last + 1].Length == tokens[i].Length)
            {
                last++;
            }

            var key = last == i ? tokens[i].Text : string.Join(' ', Enumerable.Range(i, last - i + 1).Select(t => tokens[t].Text));
            if (!index.TryGetValue(key, out var word))
            {
                word = keys.Count < maxWords ? keys.Count : -1;
                if (word >= 0)
                {
                    keys.Add(key);
                    spans.Add([]);
                    functionWord.Add(Enumerable.Range(i, last - i + 1).All(t => FunctionWords.Contains(tokens[t].Text)));
                }

                index.Add(key, word);
            }

            if (word >= 0)
            {
                spans[word].Add(new WordSpan(tokens[i].Start, tokens[i].Length));
            }

            for (var t = i; t <= last; t++)
            {
                wordOfToken[t] = word;
            }

            i = last + 1;
        }

        var words = new DistinctWord[keys.Count];
        for (var w = 0; w < words.Length; w++)
        {
            words[w] = new DistinctWord(keys[w], spans[w], functionWord[w]);
        }

        return (words, wordOfToken);
    }
}
