namespace HoaxScreen.Core.Scoring;

/// <summary>
/// Character n-gram (packed into a ulong, see <see cref="NgramFeaturizer"/>) → slot, as open addressing over two
/// arrays. A <c>Dictionary&lt;ulong, int&gt;</c> needs a custom comparer here (ulong's own hash XORs the halves, which
/// leaves packed letters a few thousand distinct values) and calls it through an interface on every look-up: a fifth of
/// a post's scoring time in the bulk CLI, which runs without dynamic PGO to start faster. Built once, then read-only
/// and thread-safe.
/// </summary>
internal sealed class PackedNgramTable
{
    // Key 0 marks an empty bucket: character 0 never occurs in a text the featuriser takes, so no n-gram packs to 0.
    private readonly ulong[] _keys;
    private readonly int[] _slots;
    private readonly int _shift;

    private PackedNgramTable(ulong[] keys, int[] slots, int shift)
    {
        _keys = keys;
        _slots = slots;
        _shift = shift;
    }

    public int Count { get; private init; }

    public bool TryGetValue(ulong key, out int slot)
    {
        var keys = _keys;
        var mask = keys.Length - 1;
        var bucket = Bucket(key, _shift);
        while (true)
        {
            var found = keys[bucket];
            if (found == key)
            {
                slot = _slots[bucket];
                return true;
            }

            if (found == 0)
            {
                slot = -1;
                return false;
            }

            bucket = (bucket + 1) & mask;
        }
    }

    // Fibonacci hashing: the top bits of key × 2^64/φ spread packed letters evenly.
    private static int Bucket(ulong key, int shift) => (int)((key * 0x9E3779B97F4A7C15UL) >> shift);

    /// <summary>Collects n-grams and their slots; an n-gram added again takes the later slot, as a dictionary's indexer does.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<ulong, int> _entries = [];

        public void Add(ulong key, int slot)
        {
            if (key == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(key), "an n-gram of character 0 cannot be stored");
            }

            _entries[key] = slot;
        }

        public PackedNgramTable Build()
        {
            // A power of two at most half full, so probe runs stay short.
            var bits = 4;
            while ((1 << bits) < _entries.Count * 2)
            {
                bits++;
            }

            var keys = new ulong[1 << bits];
            var slots = new int[keys.Length];
            var mask = keys.Length - 1;
            foreach (var (key, slot) in _entries)
            {
                var bucket = Bucket(key, 64 - bits);
                while (keys[bucket] != 0)
                {
                    bucket = (bucket + 1) & mask;
                }

                keys[bucket] = key;
                slots[bucket] = slot;
            }

            return new PackedNgramTable(keys, slots, 64 - bits) { Count = _entries.Count };
        }
    }
}
