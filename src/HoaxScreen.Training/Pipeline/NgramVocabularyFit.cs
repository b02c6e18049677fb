using System.Runtime.InteropServices;
using HoaxScreen.Core.Featurization;

namespace HoaxScreen.Training.Pipeline;

/// <summary>
/// Fits <see cref="NgramFeaturizer"/>'s vocabulary on training texts: every word n-gram and character n-gram they hold
/// (no minimum count, so a rare slur's spelling still counts), in order of first appearance, each with its IDF,
/// ln(texts / texts holding it). Pure: same texts, same vocabulary.
/// </summary>
public static class NgramVocabularyFit
{
    public static NgramVocabulary Fit(IReadOnlyList<string> normalizedTexts, NgramSettings settings)
    {
        var words = new DocumentFrequencies();
        var chars = new DocumentFrequencies();
        var starts = new int[16];
        var ends = new int[16];
        var joined = new char[16];
        var stream = new char[16];
        for (var document = 0; document < normalizedTexts.Count; document++)
        {
            var text = normalizedTexts[document];
            if (starts.Length < text.Length + 2)
            {
                starts = new int[(text.Length + 2) * 2];
                ends = new int[starts.Length];
                joined = new char[starts.Length];
                stream = new char[starts.Length];
            }

            var count = WordSpans.Find(text, starts, ends);
            for (var w = 0; w < count; w++)
            {
                for (var n = 1; n <= settings.WordNgramLength && w + n - 1 < count; n++)
                {
                    words.Add(WordSpans.Joined(text, starts, ends, w, w + n - 1, joined), document);
                }
            }

            var marked = NgramFeaturizer.Marked(text, stream);
            foreach (var n in settings.CharNgramLengths)
            {
                for (var i = 0; i + n <= marked.Length; i++)
                {
                    if (NgramFeaturizer.IsStorableCharNgram(marked.Slice(i, n)))
                    {
                        chars.Add(marked.Slice(i, n), document);
                    }
                }
            }
        }

        var documents = normalizedTexts.Count;
        var idf = words.Idf(documents).Concat(chars.Idf(documents)).ToArray();
        return new NgramVocabulary(settings, documents, words.Keys, chars.Keys, idf);
    }

    /// <summary>N-grams in order of first appearance, each with how many documents hold it.</summary>
    private sealed class DocumentFrequencies
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _keys = [];
        private readonly List<int> _counts = [];
        private readonly List<int> _lastDocument = [];

        public IReadOnlyList<string> Keys => _keys;

        public void Add(ReadOnlySpan<char> ngram, int document)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_index.GetAlternateLookup<ReadOnlySpan<char>>(), ngram, out var exists);
            if (!exists)
            {
                slot = _keys.Count;
                _keys.Add(ngram.ToString());
                _counts.Add(1);
                _lastDocument.Add(document);
                return;
            }

            if (_lastDocument[slot] != document)
            {
                _counts[slot]++;
                _lastDocument[slot] = document;
            }
        }

        public IEnumerable<float> Idf(int documents) => _counts.Select(count => (float)Math.Log((double)documents / count));
    }
}
