using System.Numerics;

namespace HoaxScreen.Core.Claims.Matching;

/// <summary>
/// <see cref="PairFeatures"/> for serving, bit for bit the same values: each claim's distinct words are held once as
/// term ids of the index (with their IDF mass and which are numbers), and a post's words as term ids marked in a
/// per-thread array, so a candidate costs a pass over its own few words and character trigrams, not new sets of
/// strings. Sums run over the same words in the same order (first occurrence) and in double, as LINQ's float Sum
/// does, so every feature is the same float. The character TF-IDF cosine is <see cref="CharTable"/>'s. Immutable and
/// thread-safe once built.
/// </summary>
public sealed class ClaimFeatureTable
{
    private readonly Bm25ClaimIndex _index;
    private readonly string[] _claims;
    private readonly int[] _offsets;
    private readonly int[] _terms;
    private readonly int[] _wordCounts;
    private readonly int[] _numberCounts;
    private readonly float[] _masses;
    private readonly int[] _trigramCounts;
    private readonly bool[] _isNumber;
    private readonly CharTable _chars;

    [ThreadStatic]
    private static Scratch? _scratch;

    /// <summary>Builds the table for the claims <paramref name="index"/> was built from (same texts, same order).</summary>
    public ClaimFeatureTable(Bm25ClaimIndex index, IReadOnlyList<string> normalizedClaims)
    {
        if (normalizedClaims.Count != index.Count)
        {
            throw new ArgumentException($"{normalizedClaims.Count} claims for an index of {index.Count}", nameof(normalizedClaims));
        }

        _index = index;
        _claims = [.. normalizedClaims];
        _isNumber = new bool[index.TermCount];
        _offsets = new int[_claims.Length + 1];
        _wordCounts = new int[_claims.Length];
        _numberCounts = new int[_claims.Length];
        _masses = new float[_claims.Length];
        _trigramCounts = new int[_claims.Length];
        var grams = new long[64];
        var terms = new List<int>(_claims.Length * 12);
        var seen = new int[index.TermCount];
        for (var c = 0; c < _claims.Length; c++)
        {
            var text = _claims[c];
            var words = 0;
            var mass = 0.0;
            foreach (var range in text.AsSpan().Split(' '))
            {
                var word = text.AsSpan(range);
                if (word.IsEmpty)
                {
                    continue;
                }

                words++;
                var term = index.TermId(word);
                if (term < 0)
                {
                    throw new ArgumentException($"claim {c}: '{word}' is not in the index (built from other texts?)", nameof(normalizedClaims));
                }

                if (seen[term] == c + 1)
                {
                    continue;
                }

                seen[term] = c + 1;
                terms.Add(term);
                mass += index.IdfOf(term);
                if (word.ContainsAnyInRange('0', '9'))
                {
                    _isNumber[term] = true;
                    _numberCounts[c]++;
                }
            }

            _wordCounts[c] = words;
            _masses[c] = (float)mass;
            _trigramCounts[c] = DistinctTrigrams(text, ref grams);
            _offsets[c + 1] = terms.Count;
        }

        _terms = [.. terms];
        _chars = new CharTable(_claims);
    }

    /// <summary>
    /// The features of every one of <paramref name="candidates"/> for the post last given to <see cref="SetPost"/> on this
    /// thread, into <paramref name="rows"/> (<see cref="PairFeatures.Count"/> floats per candidate, in order). All at
    /// once: a candidate's character cosine is ranked among the others'.
    /// </summary>
    public void Compute(IReadOnlyList<ClaimCandidate> candidates, Span<float> rows)
    {
        var post = _scratch is { } current && current.Owner == this
            ? current
            : throw new InvalidOperationException("SetPost on this table and thread first");
        var count = candidates.Count;
        if (rows.Length < count * PairFeatures.Count)
        {
            throw new ArgumentException($"{rows.Length} floats for {count} candidates", nameof(rows));
        }

        var cosines = post.Cosines(count);
        for (var rank = 0; rank < count; rank++)
        {
            cosines[rank] = _chars.Cosine(candidates[rank].Index, post.Chars);
        }

        for (var rank = 0; rank < count; rank++)
        {
            var features = rows.Slice(rank * PairFeatures.Count, PairFeatures.Count);
            Compute(post, candidates, rank, features);
            var cosine = cosines[rank];
            var above = 0;
            var bestOther = 0f;
            for (var other = 0; other < count; other++)
            {
                if (other != rank)
                {
                    above += cosines[other] > cosine ? 1 : 0;
                    bestOther = Math.Max(bestOther, cosines[other]);
                }
            }

            features[15] = cosine;
            features[16] = above;
            features[17] = cosine - bestOther;
        }
    }

    private void Compute(Scratch post, IReadOnlyList<ClaimCandidate> candidates, int rank, Span<float> features)
    {
        var claim = candidates[rank].Index;
        var stamp = post.NextClaimStamp();
        var marks = post.ClaimMarks;
        var postMarks = post.PostMarks;
        var postStamp = post.PostStamp;

        var covered = 0;
        var numbersShared = 0;
        var missing = 0.0;
        for (var p = _offsets[claim]; p < _offsets[claim + 1]; p++)
        {
            var term = _terms[p];
            marks[term] = stamp;
            if (postMarks[term] == postStamp)
            {
                covered++;
                if (_isNumber[term])
                {
                    numbersShared++;
                }
            }
            else
            {
                missing += _index.IdfOf(term);
            }
        }

        var extra = 0.0;
        foreach (var term in post.Terms)
        {
            if (marks[term] != stamp)
            {
                extra += _index.IdfOf(term);
            }
        }

        var claimSetCount = _offsets[claim + 1] - _offsets[claim];
        var postSetCount = post.DistinctWords;
        var claimMass = _masses[claim];
        var postMass = post.Mass;
        var claimWords = _wordCounts[claim];

        var score = candidates[rank].Score;
        var next = rank + 1 < candidates.Count ? candidates[rank + 1].Score : 0f;
        var top = candidates[0].Score;
        var self = _index.SelfScore(claim);
        features[0] = score;
        features[1] = self <= 0 ? 0f : score / self;
        features[2] = rank;
        features[3] = score - next;
        features[4] = top <= 0 ? 0f : score / top;
        features[5] = claimSetCount == 0 ? 0f : covered / (float)claimSetCount;
        features[6] = postSetCount == 0 ? 0f : covered / (float)postSetCount;
        features[7] = post.TrigramDice(_claims[claim], _trigramCounts[claim]);
        features[8] = numbersShared;
        features[9] = _numberCounts[claim] - numbersShared;
        features[10] = post.WordCount;
        features[11] = claimWords;
        features[12] = (float)Math.Log((post.WordCount + 1.0) / (claimWords + 1.0));
        features[13] = claimMass <= 0 ? 0f : (float)missing / claimMass;
        features[14] = postMass <= 0 ? 0f : (float)extra / postMass;
    }

    /// <summary>Takes a normalised post apart (words as term ids, character trigrams) for this thread's next <see cref="Compute"/> calls.</summary>
    public void SetPost(string normalizedPost)
    {
        var scratch = _scratch ??= new Scratch();
        scratch.Owner = this;
        scratch.Begin(_index, normalizedPost);
        scratch.Chars.Begin(_chars, normalizedPost);
    }

    /// <summary>A thread's post, taken apart, and the marks that say which terms the post and the current claim have.</summary>
    private sealed class Scratch
    {
        private readonly List<int> _terms = [];
        private readonly HashSet<string> _unknown = new(StringComparer.Ordinal);
        // The post's distinct trigrams in an open-addressing table (linear probing): a slot is in use when its post
        // stamp is the current post's, and a claim's trigram is counted once when its claim mark is the current claim's.
        private long[] _grams = new long[512];
        private int[] _gramPosts = new int[512];
        private int[] _gramMarks = new int[512];
        private int _gramPost;
        private int _gramClaim;
        private int _gramCount;
        private int[] _postMarks = [];
        private int[] _claimMarks = [];
        private int _claimStamp;
        private float[] _cosines = new float[32];

        public ClaimFeatureTable? Owner { get; set; }

        public CharTable.PostVector Chars { get; } = new();

        public Span<float> Cosines(int count)
        {
            if (_cosines.Length < count)
            {
                _cosines = new float[count];
            }

            return _cosines.AsSpan(0, count);
        }

        public List<int> Terms => _terms;

        public int[] PostMarks => _postMarks;

        public int[] ClaimMarks => _claimMarks;

        public int PostStamp { get; private set; }

        public int WordCount { get; private set; }

        public int DistinctWords => _terms.Count + _unknown.Count;

        public float Mass { get; private set; }

        public int NextClaimStamp()
        {
            if (++_claimStamp == int.MaxValue)
            {
                Array.Clear(_claimMarks);
                _claimStamp = 1;
            }

            return _claimStamp;
        }

        public void Begin(Bm25ClaimIndex index, string text)
        {
            if (_postMarks.Length != index.TermCount)
            {
                _postMarks = new int[index.TermCount];
                _claimMarks = new int[index.TermCount];
                PostStamp = 0;
                _claimStamp = 0;
            }

            if (++PostStamp == int.MaxValue)
            {
                Array.Clear(_postMarks);
                PostStamp = 1;
            }

            _terms.Clear();
            _unknown.Clear();
            var words = 0;
            var mass = 0.0;
            foreach (var range in text.AsSpan().Split(' '))
            {
                var word = text.AsSpan(range);
                if (word.IsEmpty)
                {
                    continue;
                }

                words++;
                var term = index.TermId(word);
                if (term < 0)
                {
                    // A word no claim has: it counts among the post's distinct words, and weighs nothing.
                    _unknown.Add(word.ToString());
                }
                else if (_postMarks[term] != PostStamp)
                {
                    _postMarks[term] = PostStamp;
                    _terms.Add(term);
                    mass += index.IdfOf(term);
                }
            }

            WordCount = words;
            Mass = (float)mass;
            Grams(text);
        }

        /// <summary>
        /// Dice coefficient of the post's and the claim's sets of character trigrams (texts padded with a space), given
        /// how many distinct trigrams the claim has: each of the claim's trigrams found among the post's is counted once.
        /// </summary>
        public float TrigramDice(string claim, int claimTrigrams)
        {
            if (++_gramClaim == int.MaxValue)
            {
                Array.Clear(_gramMarks);
                _gramClaim = 1;
            }

            var grams = _grams;
            var posts = _gramPosts;
            var marks = _gramMarks;
            var post = _gramPost;
            var claimStamp = _gramClaim;
            var mask = grams.Length - 1;
            var shared = 0;
            var previous = ' ';
            for (var i = 0; i < claim.Length; i++)
            {
                var current = claim[i];
                var key = Key(previous, current, i + 1 < claim.Length ? claim[i + 1] : ' ');
                previous = current;
                for (var slot = Hash(key, mask); posts[slot] == post; slot = (slot + 1) & mask)
                {
                    if (grams[slot] == key)
                    {
                        if (marks[slot] != claimStamp)
                        {
                            marks[slot] = claimStamp;
                            shared++;
                        }

                        break;
                    }
                }
            }

            if (_gramCount == 0 && claimTrigrams == 0)
            {
                return 0f;
            }

            return 2f * shared / (_gramCount + claimTrigrams);
        }

        // " " + text + " " has text.Length trigrams, the i-th centred on text[i].
        private void Grams(string text)
        {
            // At most text.Length distinct trigrams: a table of at least twice that keeps probes short.
            if (_grams.Length < text.Length * 2)
            {
                var size = (int)BitOperations.RoundUpToPowerOf2((uint)(text.Length * 2));
                _grams = new long[size];
                _gramPosts = new int[size];
                _gramMarks = new int[size];
                _gramPost = 0;
                _gramClaim = 0;
            }

            if (++_gramPost == int.MaxValue)
            {
                Array.Clear(_gramPosts);
                _gramPost = 1;
            }

            _gramCount = 0;
            var mask = _grams.Length - 1;
            for (var i = 0; i < text.Length; i++)
            {
                var key = Key(At(text, i - 1), text[i], At(text, i + 1));
                var slot = Hash(key, mask);
                while (_gramPosts[slot] == _gramPost && _grams[slot] != key)
                {
                    slot = (slot + 1) & mask;
                }

                if (_gramPosts[slot] != _gramPost)
                {
                    _gramPosts[slot] = _gramPost;
                    _grams[slot] = key;
                    _gramCount++;
                }
            }
        }

        private static int Hash(long key, int mask) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32) & mask;
    }

    // How many distinct character trigrams " " + text + " " has (the i-th centred on text[i]).
    private static int DistinctTrigrams(string text, ref long[] grams)
    {
        if (grams.Length < text.Length)
        {
            grams = new long[text.Length * 2];
        }

        var span = grams.AsSpan(0, text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = Key(At(text, i - 1), text[i], At(text, i + 1));
        }

        span.Sort();
        var distinct = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (i == 0 || span[i] != span[i - 1])
            {
                distinct++;
            }
        }

        return distinct;
    }

    private static char At(string text, int i) => i < 0 || i >= text.Length ? ' ' : text[i];

    // Three UTF-16 units make an exact key.
    private static long Key(char a, char b, char c) => ((long)a << 32) | ((long)b << 16) | c;
}
