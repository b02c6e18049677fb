using HoaxScreen.Core.Featurization;

namespace HoaxScreen.Core.Adaptation;

/// <summary>
/// Word 1- and 2-grams of the feedback that the base's vocabulary lacks (community slang, names, topics), found in at
/// least <see cref="MinPosts"/> feedback posts: extra feature slots after the base's (from <see cref="Offset"/>), so a
/// correction can weigh what the base cannot see. Fitted on the feedback's texts alone, never its labels, so every
/// cross-validation fold may share it. Values are presence, L2-normalised over the block like the base's blocks.
/// Bench-only for now (<see cref="LocalTuning.CommunityNgrams"/>): a bundle cannot carry these slots yet.
/// </summary>
public sealed class CommunityVocabulary
{
    /// <summary>An n-gram in fewer feedback posts than this is noise to a correction fitted on a few hundred posts.</summary>
    public const int MinPosts = 2;

    private const int MaxNgramLength = 2;

    private readonly Dictionary<string, int> _slots;

    private CommunityVocabulary(int offset, Dictionary<string, int> slots)
    {
        Offset = offset;
        _slots = slots;
    }

    /// <summary>The first extra slot: the base featuriser's size.</summary>
    public int Offset { get; }

    public int Count => _slots.Count;

    public bool Contains(string ngram) => _slots.ContainsKey(ngram);

    /// <param name="normalizedTexts">The feedback posts, normalised by the base's normaliser.</param>
    public static CommunityVocabulary Fit(IEnumerable<string> normalizedTexts, NgramFeaturizer baseFeaturizer)
    {
        var posts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in normalizedTexts)
        {
            foreach (var ngram in Ngrams(text).Distinct(StringComparer.Ordinal))
            {
                posts[ngram] = posts.GetValueOrDefault(ngram) + 1;
            }
        }

        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        // Ordinal order, so the slots do not depend on the order of the feedback.
        foreach (var ngram in posts.Where(p => p.Value >= MinPosts).Select(p => p.Key).Order(StringComparer.Ordinal))
        {
            if (!InBaseVocabulary(ngram, baseFeaturizer))
            {
                slots[ngram] = baseFeaturizer.Size + slots.Count;
            }
        }

        return new CommunityVocabulary(baseFeaturizer.Size, slots);
    }

    /// <summary>Appends the text's extra slots (ascending) and values to the base's.</summary>
    public void Featurize(string normalizedText, List<int> slots, List<float> values)
    {
        var found = Ngrams(normalizedText).Select(n => _slots.TryGetValue(n, out var slot) ? slot : -1).Where(s => s >= 0).Distinct().Order().ToList();
        var value = found.Count > 0 ? (float)(1 / Math.Sqrt(found.Count)) : 0f;
        foreach (var slot in found)
        {
            slots.Add(slot);
            values.Add(value);
        }
    }

    private static IEnumerable<string> Ngrams(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var w = 0; w < words.Length; w++)
        {
            for (var n = 1; n <= MaxNgramLength && w + n <= words.Length; n++)
            {
                yield return n == 1 ? words[w] : string.Join(' ', words, w, n);
            }
        }
    }

    /// <summary>
    /// Whether the base featuriser has a slot for this word n-gram: featurised alone, it yields a word slot for each
    /// known distinct n-gram inside it, so the whole is known when there is one more word slot than its known parts.
    /// </summary>
    private static bool InBaseVocabulary(string ngram, NgramFeaturizer featurizer)
    {
        var parts = ngram.Split(' ');
        var knownParts = parts.Length == 1 ? 0 : parts.Distinct(StringComparer.Ordinal).Count(p => WordSlots(p, featurizer) > 0);
        return WordSlots(ngram, featurizer) > knownParts;
    }

    private static int WordSlots(string text, NgramFeaturizer featurizer)
    {
        featurizer.Featurize(text, out var slots, out _);
        var count = 0;
        foreach (var slot in slots)
        {
            count += slot < featurizer.WordSlots ? 1 : 0;
        }

        return count;
    }
}
