using System.Numerics;

namespace HoaxScreen.Core.Claims.Matching;

/// <summary>
/// The serving side of <see cref="CharTfIdf"/>, the same floats. The claims' n-gram vocabulary (key → IDF) and each
/// claim's norm are held; a post's known n-grams go once into a small per-thread table with their weights, and a
/// candidate's cosine takes its claim's n-grams apart again (a few hundred hashes of a short text, cheaper than reading
/// stored vectors that are never in cache, and no per-claim memory beyond the norm).
/// </summary>
internal sealed class CharTable
{
    // Vocabulary as one open-addressing array (linear probing): one cache line per lookup.
    private readonly VocabularySlot[] _vocabulary;
    private readonly int _vocabularyShift;
    private readonly string[] _claims;
    private readonly double[] _norms;

    public CharTable(string[] claims)
    {
        _claims = claims;
        var df = new Dictionary<long, int>();
        var keys = new long[1024];
        var distinct = new HashSet<long>();
        foreach (var claim in claims)
        {
            distinct.Clear();
            var count = Keys(claim, ref keys);
            foreach (var key in keys.AsSpan(0, count))
            {
                if (distinct.Add(key))
                {
                    df[key] = df.GetValueOrDefault(key) + 1;
                }
            }
        }

        Count = df.Count;
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, df.Count * 2));
        _vocabularyShift = 64 - BitOperations.Log2((uint)capacity);
        _vocabulary = new VocabularySlot[capacity];
        foreach (var (key, count) in df)
        {
            var slot = VocabularyHash(key);
            while (_vocabulary[slot].Used)
            {
                slot = (slot + 1) & (capacity - 1);
            }

            _vocabulary[slot] = new VocabularySlot { Key = key, Used = true, Idf = CharNgrams.Idf(claims.Length, count) };
        }

        // Each claim's norm over its distinct n-grams in order of first occurrence, as CharTfIdf.Of sums it.
        _norms = new double[claims.Length];
        var counts = new Dictionary<long, int>();
        var order = new List<long>(256);
        for (var c = 0; c < claims.Length; c++)
        {
            counts.Clear();
            order.Clear();
            var count = Keys(claims[c], ref keys);
            foreach (var key in keys.AsSpan(0, count))
            {
                if (counts.TryGetValue(key, out var n))
                {
                    counts[key] = n + 1;
                }
                else
                {
                    counts[key] = 1;
                    order.Add(key);
                }
            }

            var sum = 0.0;
            foreach (var key in order)
            {
                Find(key, out var idf);
                var w = CharNgrams.Weight(counts[key], idf);
                sum += (double)w * w;
            }

            _norms[c] = Math.Sqrt(sum);
        }
    }

    /// <summary>How many distinct n-grams the claims have.</summary>
    public int Count { get; }

    /// <summary>The cosine of claim <paramref name="claim"/> with the post in <paramref name="post"/>.</summary>
    public float Cosine(int claim, PostVector post)
    {
        var claimNorm = _norms[claim];
        if (post.Norm <= 0 || claimNorm <= 0)
        {
            return 0f;
        }

        return (float)(post.Dot(_claims[claim]) / (post.Norm * claimNorm));
    }

    // Whether the claims have an n-gram, and its IDF.
    private bool Find(long key, out float idf)
    {
        var vocabulary = _vocabulary;
        var mask = vocabulary.Length - 1;
        for (var slot = VocabularyHash(key); ; slot = (slot + 1) & mask)
        {
            ref readonly var v = ref vocabulary[slot];
            if (!v.Used)
            {
                idf = 0f;
                return false;
            }

            if (v.Key == key)
            {
                idf = v.Idf;
                return true;
            }
        }
    }

    private int VocabularyHash(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _vocabularyShift);

    // The keys of CharTfIdf.Grams(text), in its order, without strings: each start's n-grams hashed by extending the
    // previous one's FNV-1a by a character. Returns how many were written to keys (grown as needed).
    private static int Keys(string text, ref long[] keys)
    {
        var count = 0;
        foreach (var range in text.AsSpan().Split(' '))
        {
            var word = text.AsSpan(range);
            if (word.IsEmpty)
            {
                continue;
            }

            var length = word.Length + 2;
            if (keys.Length < count + (length * 4))
            {
                Array.Resize(ref keys, Math.Max(keys.Length * 2, count + (length * 4)));
            }

            for (var start = 0; start + CharNgrams.MinLength <= length; start++)
            {
                var hash = CharNgrams.Basis;
                hash = CharNgrams.Step(hash, At(word, start));
                var end = Math.Min(length, start + CharNgrams.MaxLength);
                for (var i = start + 1; i < end; i++)
                {
                    hash = CharNgrams.Step(hash, At(word, i));
                    keys[count++] = (long)hash;
                }
            }
        }

        return count;
    }

    // Character i of the word padded with a space each side.
    private static char At(ReadOnlySpan<char> word, int i) => i == 0 || i > word.Length ? ' ' : word[i - 1];

    /// <summary>
    /// A thread's post: its known n-grams with counts, IDF and weights in an open-addressing table (linear probing,
    /// stamped slots, so nothing is cleared between posts or claims).
    /// </summary>
    internal sealed class PostVector
    {
        private readonly List<int> _order = new(512);
        private long[] _keys = new long[1024];
        private PostSlot[] _slots = new PostSlot[1024];
        private int _stamp;
        private int _claimStamp;

        public double Norm { get; private set; }

        public void Begin(CharTable table, string text)
        {
            var count = Keys(text, ref _keys);
            if (_slots.Length < count * 2)
            {
                _slots = new PostSlot[(int)BitOperations.RoundUpToPowerOf2((uint)(count * 2))];
                _stamp = 0;
                _claimStamp = 0;
            }

            if (++_stamp == int.MaxValue)
            {
                Array.Clear(_slots);
                _stamp = 1;
                _claimStamp = 0;
            }

            var slots = _slots;
            var mask = slots.Length - 1;
            var stamp = _stamp;
            _order.Clear();
            foreach (var key in _keys.AsSpan(0, count))
            {
                var slot = Slot(key, mask);
                if (slots[slot].Stamp == stamp)
                {
                    slots[slot].Count++;
                }
                else if (table.Find(key, out var idf))
                {
                    slots[slot] = new PostSlot { Key = key, Stamp = stamp, Count = 1, Idf = idf };
                    _order.Add(slot);
                }
            }

            var sum = 0.0;
            foreach (var slot in _order)
            {
                var w = CharNgrams.Weight(slots[slot].Count, slots[slot].Idf);
                slots[slot].Weight = w;
                sum += (double)w * w;
            }

            Norm = Math.Sqrt(sum);
        }

        /// <summary>
        /// The dot product of the post with a claim's vector: the claim's n-grams the post has, counted in the claim,
        /// summed in order of first occurrence (as <see cref="CharTfIdf.Cosine"/>).
        /// </summary>
        public double Dot(string claim)
        {
            if (++_claimStamp == int.MaxValue)
            {
                for (var i = 0; i < _slots.Length; i++)
                {
                    _slots[i].ClaimStamp = 0;
                }

                _claimStamp = 1;
            }

            var count = Keys(claim, ref _keys);
            _order.Clear();
            var slots = _slots;
            var mask = slots.Length - 1;
            var stamp = _stamp;
            var claimStamp = _claimStamp;
            foreach (var key in _keys.AsSpan(0, count))
            {
                var slot = Slot(key, mask);
                ref var s = ref slots[slot];
                if (s.Stamp != stamp)
                {
                    continue;
                }

                if (s.ClaimStamp != claimStamp)
                {
                    s.ClaimStamp = claimStamp;
                    s.ClaimCount = 1;
                    _order.Add(slot);
                }
                else
                {
                    s.ClaimCount++;
                }
            }

            var dot = 0.0;
            foreach (var slot in _order)
            {
                ref readonly var s = ref slots[slot];
                dot += (double)CharNgrams.Weight(s.ClaimCount, s.Idf) * s.Weight;
            }

            return dot;
        }

        // The slot holding key for this post, or the free slot where it would go.
        private int Slot(long key, int mask)
        {
            var slots = _slots;
            var slot = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 40) & mask;
            while (slots[slot].Stamp == _stamp && slots[slot].Key != key)
            {
                slot = (slot + 1) & mask;
            }

            return slot;
        }
    }

    /// <summary>One n-gram of a post: in use when its stamp is the current post's; its count in the current claim.</summary>
    private struct PostSlot
    {
        public long Key;
        public int Stamp;
        public int Count;
        public float Idf;
        public float Weight;
        public int ClaimStamp;
        public int ClaimCount;
    }

    /// <summary>One n-gram of the vocabulary.</summary>
    private struct VocabularySlot
    {
        public long Key;
        public float Idf;
        public bool Used;
    }
}
