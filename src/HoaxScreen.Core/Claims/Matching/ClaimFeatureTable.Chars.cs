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
    /// A thread's post: its n-grams in a small open-addressing table (linear probing, stamped slots, so nothing is
    /// cleared between posts) pointing at dense entries (counts, IDF, weights) of the known ones in order of first
    /// occurrence, and a 4,096-bit filter of them, so most of a claim's n-grams the post lacks cost one bit test.
    /// </summary>
    internal sealed class PostVector
    {
        private const int FilterMask = 4095;
        private readonly ulong[] _filter = new ulong[(FilterMask + 1) / 64];
        private long[] _keys = new long[1024];
        private PostSlot[] _slots = new PostSlot[1024];
        private int _stamp;
        private int[] _counts = new int[512];
        private float[] _idf = new float[512];
        private float[] _weights = new float[512];
        private int[] _claimStamps = new int[512];
        private int[] _claimCounts = new int[512];
        private int[] _claimOrder = new int[512];
        private int _claimStamp;

        public double Norm { get; private set; }

        public void Begin(CharTable table, string text)
        {
            var count = Keys(text, ref _keys);
            if (_slots.Length < count * 2)
            {
                _slots = new PostSlot[(int)BitOperations.RoundUpToPowerOf2((uint)(count * 2))];
                _stamp = 0;
            }

            if (_counts.Length < count)
            {
                var size = (int)BitOperations.RoundUpToPowerOf2((uint)count);
                _counts = new int[size];
                _idf = new float[size];
                _weights = new float[size];
                _claimStamps = new int[size];
                _claimCounts = new int[size];
                _claimOrder = new int[size];
                _claimStamp = 0;
            }

            if (++_stamp == int.MaxValue)
            {
                Array.Clear(_slots);
                _stamp = 1;
            }

            Array.Clear(_filter);
            var slots = _slots;
            var mask = slots.Length - 1;
            var stamp = _stamp;
            var entries = 0;
            foreach (var key in _keys.AsSpan(0, count))
            {
                var slot = Slot(key, mask, stamp);
                ref var s = ref slots[slot];
                if (s.Stamp == stamp)
                {
                    if (s.Entry >= 0)
                    {
                        _counts[s.Entry]++;
                    }

                    continue;
                }

                s.Stamp = stamp;
                s.Key = key;
                if (table.Find(key, out var idf))
                {
                    s.Entry = entries;
                    _counts[entries] = 1;
                    _idf[entries] = idf;
                    _claimStamps[entries] = 0;
                    entries++;
                    _filter[(key & FilterMask) >> 6] |= 1UL << (int)(key & 63);
                }
                else
                {
                    // No claim has it: remembered so a repeat skips the vocabulary.
                    s.Entry = -1;
                }
            }

            var sum = 0.0;
            for (var e = 0; e < entries; e++)
            {
                var w = CharNgrams.Weight(_counts[e], _idf[e]);
                _weights[e] = w;
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
                Array.Clear(_claimStamps);
                _claimStamp = 1;
            }

            var count = Keys(claim, ref _keys);
            var slots = _slots;
            var mask = slots.Length - 1;
            var stamp = _stamp;
            var claimStamp = _claimStamp;
            var filter = _filter;
            var found = 0;
            foreach (var key in _keys.AsSpan(0, count))
            {
                if ((filter[(key & FilterMask) >> 6] & (1UL << (int)(key & 63))) == 0)
                {
                    continue;
                }

                ref readonly var s = ref slots[Slot(key, mask, stamp)];
                if (s.Stamp != stamp || s.Entry < 0)
                {
                    continue;
                }

                var e = s.Entry;
                if (_claimStamps[e] != claimStamp)
                {
                    _claimStamps[e] = claimStamp;
                    _claimCounts[e] = 1;
                    _claimOrder[found++] = e;
                }
                else
                {
                    _claimCounts[e]++;
                }
            }

            var dot = 0.0;
            foreach (var e in _claimOrder.AsSpan(0, found))
            {
                dot += (double)CharNgrams.Weight(_claimCounts[e], _idf[e]) * _weights[e];
            }

            return dot;
        }

        // The slot holding key for this post, or the free slot where it would go.
        private int Slot(long key, int mask, int stamp)
        {
            var slots = _slots;
            var slot = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 40) & mask;
            while (slots[slot].Stamp == stamp && slots[slot].Key != key)
            {
                slot = (slot + 1) & mask;
            }

            return slot;
        }
    }

    /// <summary>One n-gram of a post: in use when its stamp is the current post's; its entry (-1: no claim has it).</summary>
    private struct PostSlot
    {
        public long Key;
        public int Stamp;
        public int Entry;
    }

    /// <summary>One n-gram of the vocabulary.</summary>
    private struct VocabularySlot
    {
        public long Key;
        public float Idf;
        public bool Used;
    }
}
