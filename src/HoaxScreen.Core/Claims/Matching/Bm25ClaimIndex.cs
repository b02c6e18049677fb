using System.Collections.Frozen;

namespace HoaxScreen.Core.Claims.Matching;

/// <summary>
/// Candidate retrieval for known-hoax matching: Okapi BM25 over the word tokens of normalised claim texts, held as a
/// compressed inverted index (one array of postings, offsets per term), so a post is scored by walking the postings of
/// its own words only. Immutable and thread-safe once built; per-thread scratch keeps a search allocation-light.
/// Texts are normalised by the caller (the bundle's normaliser), so slang, leetspeak and reduplication match as the
/// classifier reads them.
/// </summary>
public sealed partial class Bm25ClaimIndex
{
    /// <summary>BM25's term-frequency saturation.</summary>
    public const float K1 = 1.2f;

    /// <summary>BM25's length normalisation.</summary>
    public const float B = 0.75f;

    /// <summary>A word in more claims than this (or 2% of them, if more) only adds to candidates rarer words found.</summary>
    public const int MinCommonDocuments = 1_000;

    /// <summary>Claims scored together: their scores (64 KB) stay in cache (4,096 and 131,072 measured slower). A multiple of 64.</summary>
    internal const int Block = 16_384;

    private readonly string[] _ids;
    private readonly FrozenDictionary<string, int> _terms;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _termsBySpan;
    private readonly int[] _offsets;
    private readonly int[] _postingDocs;
    private readonly float[] _postingWeights;
    private readonly float[] _idf;
    private readonly float[] _selfScores;
    private readonly int _common;
    private readonly CommonWords _commonWords;

    [ThreadStatic]
    private static Scratch? _scratch;

    private Bm25ClaimIndex(
        string[] ids, FrozenDictionary<string, int> terms, int[] offsets, int[] docs, float[] weights, float[] idf, float[] selfScores)
    {
        _ids = ids;
        _terms = terms;
        _termsBySpan = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        _offsets = offsets;
        _postingDocs = docs;
        _postingWeights = weights;
        _idf = idf;
        _selfScores = selfScores;
        _common = Math.Max(MinCommonDocuments, ids.Length / 50);
        _commonWords = new CommonWords(ids.Length, offsets, docs, _common);
    }

    /// <summary>How many claims the index holds.</summary>
    public int Count => _ids.Length;

    /// <summary>The id of the claim at <paramref name="index"/>.</summary>
    public string IdAt(int index) => _ids[index];

    /// <summary>Builds the index over claims whose texts are already normalised (tokens joined by single spaces).</summary>
    public static Bm25ClaimIndex Build(IReadOnlyList<(string Id, string NormalizedText)> claims)
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

        return new Bm25ClaimIndex(
            [.. claims.Select(c => c.Id)], termIds.ToFrozenDictionary(StringComparer.Ordinal), offsets, docs, weights, idf, selfScores);
    }

    /// <summary>A word's BM25 IDF among the claims; 0 for a word no claim has.</summary>
    public float Idf(string word) => _terms.TryGetValue(word, out var term) ? _idf[term] : 0f;

    /// <summary>How many distinct words the claims have (term ids run from 0 to this, exclusive).</summary>
    internal int TermCount => _idf.Length;

    /// <summary>The term id of a word, or -1 for a word no claim has.</summary>
    internal int TermId(ReadOnlySpan<char> word) => _termsBySpan.TryGetValue(word, out var term) ? term : -1;

    /// <summary>A term's BM25 IDF (as <see cref="Idf"/> gives it for the word).</summary>
    internal float IdfOf(int term) => _idf[term];

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
        // Each distinct word once, with how often the post has it: a post repeating a word thousands of times costs
        // one walk of its postings, not thousands.
        var occurrences = scratch.Occurrences;
        occurrences.Clear();
        foreach (var range in normalizedText.AsSpan().Split(' '))
        {
            var token = normalizedText.AsSpan(range);
            if (!token.IsEmpty && _termsBySpan.TryGetValue(token, out var term))
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

        // Each occurrence of a word in the post adds its weight again (BM25's query frequency, unsaturated).
        var count = queryTerms.Count;
        var idfs = scratch.TermIdfs(count);
        var cursors = scratch.Cursors(count);
        for (var i = 0; i < count; i++)
        {
            idfs[i] = _idf[queryTerms[i]] * occurrences[queryTerms[i]];
            cursors[i] = _offsets[queryTerms[i]];
        }

        // Claims are scored a block at a time (every word, in order, on the block's claims) in a block-sized buffer
        // that stays in the fastest cache; each claim's score is still the sum of its words' weights in the same order.
        scratch.BeginTop(top);
        var docs = _postingDocs;
        var weights = _postingWeights;
        var scores = scratch.Scores;
        var found = scratch.Found;
        for (var start = 0; start < _ids.Length; start += Block)
        {
            var end = Math.Min(_ids.Length, start + Block);
            Array.Clear(found);
            for (var i = 0; i < count; i++)
            {
                var term = queryTerms[i];
                var last = _offsets[term + 1];
                if (last - _offsets[term] <= _common)
                {
                    var idf = idfs[i];
                    var p = cursors[i];
                    for (; p < last; p++)
                    {
                        var d = docs[p] - start;
                        if (d >= Block)
                        {
                            break;
                        }

                        // A claim's first weight is set rather than added to what the last block left (0 + w is w).
                        var weight = idf * weights[p];
                        ref var bits = ref found[d >> 6];
                        var bit = 1UL << d;
                        if ((bits & bit) == 0)
                        {
                            bits |= bit;
                            scores[d] = weight;
                        }
                        else
                        {
                            scores[d] += weight;
                        }
                    }

                    cursors[i] = p;
                }
                else
                {
                    // Sorted after every rarer word, a common word only adds to the claims found so far.
                    _commonWords.AddTo(term, idfs[i], _offsets[term], _postingWeights, scratch, start >> 6, (end + 63) >> 6);
                }
            }

            scratch.Collect(start, (end - start + 63) >> 6);
        }

        return scratch.Top(_ids);
    }

    private static string[] Tokens(string normalizedText) =>
        normalizedText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
