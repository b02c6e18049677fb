namespace HoaxScreen.Core.Featurization;

/// <summary>
/// Character n-gram (packed into a ulong, see <see cref="NgramFeaturizer"/>) → slot, as open addressing over one
/// array of key-slot pairs. A <c>Dictionary&lt;ulong, int&gt;</c> needs a custom comparer here (ulong's own hash XORs
/// the halves, which leaves packed letters a few thousand distinct values) and calls it through an interface on every
/// look-up: a fifth of a post's scoring time in the bulk CLI, which runs without dynamic PGO to start faster. Built
/// once, then read-only and thread-safe.
/// </summary>
internal sealed class PackedNgramTable
{
    // Key and slot side by side, so a look-up touches one cache line. Key 0 marks an empty bucket: character 0 never
    // occurs in a text the featuriser takes, so no n-gram packs to 0.
    private readonly Entry[] _entries;
    private readonly int _shift;

    private PackedNgramTable(Entry[] entries, int shift)
    {
        _entries = entries;
        _shift = shift;
    }

    public int Count { get; private init; }

    public bool TryGetValue(ulong key, out int slot)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        var bucket = Bucket(key, _shift);
        while (true)
        {
            ref readonly var entry = ref entries[bucket];
            if (entry.Key == key)
            {
                slot = entry.Slot;
                return true;
            }

            if (entry.Key == 0)
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

            var entries = new Entry[1 << bits];
            var mask = entries.Length - 1;
            foreach (var (key, slot) in _entries)
            {
                var bucket = Bucket(key, 64 - bits);
                while (entries[bucket].Key != 0)
                {
                    bucket = (bucket + 1) & mask;
                }

                entries[bucket] = new Entry(key, slot);
            }

            return new PackedNgramTable(entries, 64 - bits) { Count = _entries.Count };
        }
    }

    private readonly record struct Entry(ulong Key, int Slot);
}
