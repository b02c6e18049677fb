using System.Collections.Frozen;
using HoaxScreen.Core.Claims.Matching;

namespace HoaxScreen.Reference;

/// <summary>
/// The reference for <see cref="Bm25ClaimIndex"/>: its search as it was before the speed work (every posting of a
/// common word walked, testing each claim's score), kept verbatim apart from names, so tests and the speed bench can
/// check the index returns the same candidates with the same float scores, and measure it against this.
/// </summary>
internal sealed class LegacyBm25ClaimIndex
{
    /// <summary>BM25's term-frequency saturation.</summary>
    public const float K1 = 1.2f;

    /// <summary>BM25's length normalisation.</summary>
    public const float B = 0.75f;

    /// <summary>A word in more claims than this (or 2% of them, if more) only adds to candidates rarer words found.</summary>
    public const int MinCommonDocuments = 1_000;

    private readonly string[] _ids;
    private readonly FrozenDictionary<string, int> _terms;
    private readonly int[] _offsets;
    private readonly int[] _postingDocs;
    private readonly float[] _postingWeights;
    private readonly float[] _idf;
    private readonly float[] _selfScores;

    [ThreadStatic]
    private static Scratch? _scratch;

    private LegacyBm25ClaimIndex(
        string[] ids, FrozenDictionary<string, int> terms, int[] offsets, int[] docs, float[] weights, float[] idf, float[] selfScores)
    {
        _ids = ids;
        _terms = terms;
        _offsets = offsets;
        _postingDocs = docs;
        _postingWeights = weights;
        _idf = idf;
        _selfScores = selfScores;
    }

    /// <summary>How many claims the index holds.</summary>
    public int Count => _ids.Length;

    /// <summary>The id of the claim at <paramref name="index"/>.</summary>
    public string IdAt(int index) => _ids[index];

    /// <summary>Builds the index over claims whose texts are already normalised (tokens joined by single spaces).</summary>
    public static LegacyBm25ClaimIndex Build(IReadOnlyList<(string Id, string NormalizedText)> claims)
    {
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var docTerms = new List<(int Term, int Tf)[]>(claims.Count);
        var lengths = new int[claims.Count];
        var counts = new Dictionary<int, int>();
        for (var d = 0; d < claims.Count; d++)
        {
            counts.Clear();
            var tokens = Tokens(claims[d].NormalizedText);
            lengths[d] = tokens.Length;
            foreach (var token in tokens)
            {
                if (!termIds.TryGetValue(token, out var term))
                {
                    term = termIds.Count;
                    termIds.Add(token, term);
                }

                counts[term] = counts.GetValueOrDefault(term) + 1;
            }

            docTerms.Add([.. counts.Select(c => (c.Key, c.Value))]);
        }

        var documentFrequency = new int[termIds.Count];
        foreach (var terms in docTerms)
        {
            foreach (var (term, _) in terms)
            {
                documentFrequency[term]++;
            }
        }

        var offsets = new int[termIds.Count + 1];
        for (var t = 0; t < documentFrequency.Length; t++)
        {
            offsets[t + 1] = offsets[t] + documentFrequency[t];
        }

        // Each posting stores BM25's document part, tf·(k1+1) / (tf + k1·(1 − b + b·len/avg)), so a search only
        // multiplies by the term's IDF.
        var averageLength = claims.Count == 0 ? 1f : Math.Max(1f, (float)lengths.Average());
        var docs = new int[offsets[^1]];
        var weights = new float[offsets[^1]];
        var next = (int[])offsets.Clone();
        for (var d = 0; d < docTerms.Count; d++)
        {
            var norm = K1 * (1 - B + (B * lengths[d] / averageLength));
            foreach (var (term, tf) in docTerms[d])
            {
                var slot = next[term]++;
                docs[slot] = d;
                weights[slot] = tf * (K1 + 1) / (tf + norm);
            }
        }

        var n = claims.Count;
        var idf = documentFrequency.Select(df => (float)Math.Log(1 + ((n - df + 0.5) / (df + 0.5)))).ToArray();

        // A post that is exactly the claim: each word's weight counted once per occurrence, as a search counts it.
        var selfScores = new float[n];
        for (var d = 0; d < n; d++)
        {
            var norm = K1 * (1 - B + (B * lengths[d] / averageLength));
            foreach (var (term, tf) in docTerms[d])
            {
                selfScores[d] += tf * idf[term] * (tf * (K1 + 1) / (tf + norm));
            }
        }

        return new LegacyBm25ClaimIndex(
            [.. claims.Select(c => c.Id)], termIds.ToFrozenDictionary(StringComparer.Ordinal), offsets, docs, weights, idf, selfScores);
    }

    /// <summary>A word's BM25 IDF among the claims; 0 for a word no claim has.</summary>
    public float Idf(string word) => _terms.TryGetValue(word, out var term) ? _idf[term] : 0f;

    /// <summary>The BM25 score of the claim at <paramref name="index"/> for a post that is exactly its own text.</summary>
    public float SelfScore(int index) => _selfScores[index];

    /// <summary>
    /// The <paramref name="top"/> claims with the highest BM25 score for a normalised post, best first (ties by index);
    /// claims sharing no word with the post are never returned.
    /// </summary>
    public IReadOnlyList<ClaimCandidate> Search(string normalizedText, int top)
    {
        if (top <= 0 || _ids.Length == 0)
        {
            return [];
        }

        var scratch = _scratch ??= new Scratch();
        scratch.Begin(_ids.Length);
        // Each distinct word once, with how often the post has it: a post repeating a word thousands of times costs
        // one walk of its postings, not thousands.
        var occurrences = scratch.Occurrences;
        occurrences.Clear();
        foreach (var token in Tokens(normalizedText))
        {
            if (_terms.TryGetValue(token, out var term))
            {
                occurrences[term] = occurrences.GetValueOrDefault(term) + 1;
            }
        }

        var queryTerms = scratch.QueryTerms;
        queryTerms.Clear();
        queryTerms.AddRange(occurrences.Keys);

        // Rarest words first. A word in more than CommonDocuments claims (yang, di, dan in a large store) only adds to
        // claims a rarer word of the post already found: a claim sharing nothing but common words with a post is no
        // candidate, and walking such a posting list to open thousands of candidates would cost most of a search.
        queryTerms.Sort((x, y) => (_offsets[x + 1] - _offsets[x]).CompareTo(_offsets[y + 1] - _offsets[y]));
        var common = Math.Max(MinCommonDocuments, _ids.Length / 50);
        foreach (var term in queryTerms)
        {
            // Each occurrence of a word in the post adds its weight again (BM25's query frequency, unsaturated).
            var idf = _idf[term] * occurrences[term];
            var open = _offsets[term + 1] - _offsets[term] <= common;
            for (var p = _offsets[term]; p < _offsets[term + 1]; p++)
            {
                scratch.Add(_postingDocs[p], idf * _postingWeights[p], open);
            }
        }

        return scratch.Top(top, _ids);
    }

    private static string[] Tokens(string normalizedText) =>
        normalizedText.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private sealed class Scratch
    {
        private float[] _scores = [];
        private readonly List<int> _touched = [];
        private readonly PriorityQueue<int, (float Score, int Negated)> _best = new();

        public void Begin(int documents)
        {
            if (_scores.Length != documents)
            {
                _scores = new float[documents];
            }
            else
            {
                foreach (var d in _touched)
                {
                    _scores[d] = 0;
                }
            }

            _touched.Clear();
        }

        public List<int> QueryTerms { get; } = [];

        public Dictionary<int, int> Occurrences { get; } = [];

        public void Add(int document, float score, bool open)
        {
            if (_scores[document] == 0)
            {
                if (!open)
                {
                    return;
                }

                _touched.Add(document);
            }

            _scores[document] += score;
        }

        // The best few of the touched claims with a bounded min-heap (lowest score, then highest index, on top), so
        // a common word touching thousands of claims costs a pass, not a sort.
        public IReadOnlyList<ClaimCandidate> Top(int top, string[] ids)
        {
            _best.Clear();
            foreach (var d in _touched)
            {
                var key = (_scores[d], -d);
                if (_best.Count < top)
                {
                    _best.Enqueue(d, key);
                }
                else if (_best.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0)
                {
                    _best.DequeueEnqueue(d, key);
                }
            }

            var result = new ClaimCandidate[_best.Count];
            for (var i = result.Length - 1; i >= 0; i--)
            {
                var d = _best.Dequeue();
                result[i] = new ClaimCandidate(d, ids[d], _scores[d]);
            }

            return result;
        }
    }
}
