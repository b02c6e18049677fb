using System.Numerics;

namespace HoaxScreen.Core.Claims.Matching;

/// <summary>
/// The serving side of <see cref="CharTfIdf"/>, the same floats: every claim's distinct character n-grams held once as
/// ids of the claims' n-gram vocabulary with their weights (first-occurrence order) and norm; a post's n-grams taken
/// apart once into a small per-thread table, so a candidate's cosine is one pass over its own n-grams.
/// </summary>
internal sealed class CharTable
{
    private readonly Dictionary<long, int> _ids = [];
    private readonly double[] _idf;
    private readonly int[] _offsets;
    private readonly int[] _grams;
    private readonly float[] _weights;
    private readonly double[] _norms;

    public CharTable(string[] claims)
    {
        var df = new List<int>();
        var seen = new List<int>();
        var position = new List<int>();
        var grams = new List<int>(claims.Length * 64);
        var tfs = new List<int>(claims.Length * 64);
        var keys = new List<long>(256);
        var buffer = new char[64];
        _offsets = new int[claims.Length + 1];
        for (var c = 0; c < claims.Length; c++)
        {
            keys.Clear();
            Keys(claims[c], ref buffer, keys);
            foreach (var key in keys)
            {
                if (!_ids.TryGetValue(key, out var id))
                {
                    id = df.Count;
                    _ids.Add(key, id);
                    df.Add(0);
                    seen.Add(0);
                    position.Add(0);
                }

                if (seen[id] != c + 1)
                {
                    seen[id] = c + 1;
                    df[id]++;
                    position[id] = grams.Count;
                    grams.Add(id);
                    tfs.Add(1);
                }
                else
                {
                    tfs[position[id]]++;
                }
            }

            _offsets[c + 1] = grams.Count;
        }

        _idf = new double[df.Count];
        for (var id = 0; id < df.Count; id++)
        {
            _idf[id] = CharNgrams.Idf(claims.Length, df[id]);
        }

        _grams = [.. grams];
        _weights = new float[_grams.Length];
        _norms = new double[claims.Length];
        for (var c = 0; c < claims.Length; c++)
        {
            var sum = 0.0;
            for (var p = _offsets[c]; p < _offsets[c + 1]; p++)
            {
                var w = CharNgrams.Weight(tfs[p], _idf[_grams[p]]);
                _weights[p] = w;
                sum += (double)w * w;
            }

            _norms[c] = Math.Sqrt(sum);
        }
    }

    /// <summary>How many distinct n-grams the claims have.</summary>
    public int Count => _idf.Length;

    /// <summary>The cosine of claim <paramref name="claim"/> with the post in <paramref name="post"/>.</summary>
    public float Cosine(int claim, PostVector post)
    {
        var claimNorm = _norms[claim];
        if (post.Norm <= 0 || claimNorm <= 0)
        {
            return 0f;
        }

        var dot = 0.0;
        for (var p = _offsets[claim]; p < _offsets[claim + 1]; p++)
        {
            var w = post.WeightOf(_grams[p]);
            if (w != 0f)
            {
                dot += (double)_weights[p] * w;
            }
        }

        return (float)(dot / (post.Norm * claimNorm));
    }

    // The keys of CharTfIdf.Grams(text), in its order, without strings: each word padded into the buffer.
    private static void Keys(string text, ref char[] buffer, List<long> keys)
    {
        foreach (var range in text.AsSpan().Split(' '))
        {
            var word = text.AsSpan(range);
            if (word.IsEmpty)
            {
                continue;
            }

            if (buffer.Length < word.Length + 2)
            {
                buffer = new char[(word.Length + 2) * 2];
            }

            buffer[0] = ' ';
            word.CopyTo(buffer.AsSpan(1));
            buffer[word.Length + 1] = ' ';
            var w = buffer.AsSpan(0, word.Length + 2);
            for (var n = CharNgrams.MinLength; n <= CharNgrams.MaxLength; n++)
            {
                var offset = 0;
                keys.Add(CharNgrams.Key(w[..Math.Min(n, w.Length)]));
                while (offset + n < w.Length)
                {
                    offset++;
                    keys.Add(CharNgrams.Key(w.Slice(offset, n)));
                }

                if (offset == 0)
                {
                    break;
                }
            }
        }
    }

    /// <summary>A thread's post as n-gram ids and weights, in an open-addressing table (linear probing, stamped slots).</summary>
    internal sealed class PostVector
    {
        private readonly List<long> _keys = new(1024);
        private readonly List<int> _order = new(512);
        private char[] _buffer = new char[64];
        private int[] _slotIds = new int[1024];
        private int[] _slotStamps = new int[1024];
        private int[] _slotCounts = new int[1024];
        private float[] _slotWeights = new float[1024];
        private int _stamp;
        private int _mask = 1023;

        public double Norm { get; private set; }

        public void Begin(CharTable table, string text)
        {
            _keys.Clear();
            Keys(text, ref _buffer, _keys);
            if (_slotIds.Length < _keys.Count * 2)
            {
                var size = (int)BitOperations.RoundUpToPowerOf2((uint)(_keys.Count * 2));
                _slotIds = new int[size];
                _slotStamps = new int[size];
                _slotCounts = new int[size];
                _slotWeights = new float[size];
                _mask = size - 1;
                _stamp = 0;
            }

            if (++_stamp == int.MaxValue)
            {
                Array.Clear(_slotStamps);
                _stamp = 1;
            }

            _order.Clear();
            foreach (var key in _keys)
            {
                if (!table._ids.TryGetValue(key, out var id))
                {
                    continue;
                }

                var slot = Slot(id);
                if (_slotStamps[slot] != _stamp)
                {
                    _slotStamps[slot] = _stamp;
                    _slotIds[slot] = id;
                    _slotCounts[slot] = 1;
                    _order.Add(slot);
                }
                else
                {
                    _slotCounts[slot]++;
                }
            }

            var sum = 0.0;
            foreach (var slot in _order)
            {
                var w = CharNgrams.Weight(_slotCounts[slot], table._idf[_slotIds[slot]]);
                _slotWeights[slot] = w;
                sum += (double)w * w;
            }

            Norm = Math.Sqrt(sum);
        }

        /// <summary>The post's weight for n-gram <paramref name="id"/> (0 when the post lacks it).</summary>
        public float WeightOf(int id)
        {
            var slot = Slot(id);
            return _slotStamps[slot] == _stamp ? _slotWeights[slot] : 0f;
        }

        // The slot holding id, or the free slot where it would go.
        private int Slot(int id)
        {
            var slot = (int)(((uint)id * 0x9E3779B9u) >> 8) & _mask;
            while (_slotStamps[slot] == _stamp && _slotIds[slot] != id)
            {
                slot = (slot + 1) & _mask;
            }

            return slot;
        }
    }
}
