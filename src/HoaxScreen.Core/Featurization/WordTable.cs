namespace HoaxScreen.Core.Featurization;

/// <summary>
/// Word n-gram → slot, with every key in one shared character array and an open-addressing index of ints. A model
/// trained on all the public data has 330,000 word n-grams: as a <c>Dictionary&lt;string, int&gt;</c> they took about
/// 33 MB (a string object and an entry each), here about 13 MB, with look-ups on spans of the text as before.
/// Built once, then read-only and thread-safe.
/// </summary>
internal sealed class WordTable
{
    private readonly char[] _chars;
    private readonly int[] _starts;
    private readonly int[] _slots;
    // Entry index + 1 per bucket (0 = empty); a power of two at most half full, so probe runs stay short.
    private readonly int[] _buckets;

    private WordTable(char[] chars, int[] starts, int[] slots, int[] buckets)
    {
        _chars = chars;
        _starts = starts;
        _slots = slots;
        _buckets = buckets;
    }

    public int Count => _slots.Length;

    /// <summary>The slot of <paramref name="key"/>, if it is in the table.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, out int slot)
    {
        var entry = _buckets[FindBucket(_chars, _starts, _buckets, key)];
        slot = entry > 0 ? _slots[entry - 1] : -1;
        return entry > 0;
    }

    // The bucket that holds key's entry, or the empty bucket where it would go.
    private static int FindBucket(char[] chars, int[] starts, int[] buckets, ReadOnlySpan<char> key)
    {
        var mask = buckets.Length - 1;
        var bucket = (int)Hash(key) & mask;
        while (buckets[bucket] is var entry and > 0 && !chars.AsSpan(starts[entry - 1], starts[entry] - starts[entry - 1]).SequenceEqual(key))
        {
            bucket = (bucket + 1) & mask;
        }

        return bucket;
    }

    // FNV-1a over UTF-16 units: the keys are fixed, so a text cannot lengthen a probe run however it is written.
    private static uint Hash(ReadOnlySpan<char> key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash ^ (hash >> 15);
    }

    /// <summary>Collects keys and their slots; a key added again takes the later slot, as a dictionary's indexer does.</summary>
    public sealed class Builder
    {
        private readonly List<char> _chars = [];
        private readonly List<int> _starts = [0];
        private readonly List<int> _slots = [];

        /// <summary>Adds a key whose words are joined by <paramref name="joinedBy"/> (slot names use '|'); looked up joined by spaces.</summary>
        public void Add(ReadOnlySpan<char> key, int slot, char joinedBy = ' ')
        {
            foreach (var c in key)
            {
                _chars.Add(c == joinedBy ? ' ' : c);
            }

            _starts.Add(_chars.Count);
            _slots.Add(slot);
        }

        public WordTable Build()
        {
            var size = 16;
            while (size < _slots.Count * 2)
            {
                size *= 2;
            }

            var chars = _chars.ToArray();
            var starts = _starts.ToArray();
            var buckets = new int[size];
            var table = new WordTable(chars, starts, [.. _slots], buckets);
            for (var entry = 0; entry < _slots.Count; entry++)
            {
                buckets[FindBucket(chars, starts, buckets, chars.AsSpan(starts[entry], starts[entry + 1] - starts[entry]))] = entry + 1;
            }

            return table;
        }
    }
}
