using System.Runtime.InteropServices;
using HoaxScreen.Core.Featurization;

namespace HoaxScreen.Training.Pipeline;

/// <summary>
/// Fits <see cref="NgramFeaturizer"/>'s vocabulary on training texts: every word n-gram and character n-gram they hold
/// (held by at least <c>trainer.minNgramDocuments</c> texts; 1 keeps every one), in order of first appearance, each with its IDF,
/// ln(texts / texts holding it). Pure: same texts, same vocabulary.
/// </summary>
public static class NgramVocabularyFit
{
    /// <param name="minDocuments">N-grams held by fewer texts are left out.</param>
    public static NgramVocabulary Fit(IReadOnlyList<string> normalizedTexts, NgramSettings settings, int minDocuments = 1)
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
        var (wordKeys, wordIdf) = words.Kept(documents, minDocuments);
        var (charKeys, charIdf) = chars.Kept(documents, minDocuments);
        return new NgramVocabulary(settings, documents, wordKeys, charKeys, [.. wordIdf, .. charIdf]);
    }

    /// <summary>N-grams in order of first appearance, each with how many documents hold it.</summary>
    private sealed class DocumentFrequencies
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _keys = [];
        private readonly List<int> _counts = [];
        private readonly List<int> _lastDocument = [];

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

        /// <summary>The n-grams held by at least <paramref name="minDocuments"/> texts, in order, with their IDF.</summary>
        public (List<string> Keys, List<float> Idf) Kept(int documents, int minDocuments)
        {
            var keys = new List<string>(_keys.Count);
            var idf = new List<float>(_keys.Count);
            for (var i = 0; i < _keys.Count; i++)
            {
                if (_counts[i] >= minDocuments)
                {
                    keys.Add(_keys[i]);
                    idf.Add((float)Math.Log((double)documents / _counts[i]));
                }
            }

            return (keys, idf);
        }
    }
}
