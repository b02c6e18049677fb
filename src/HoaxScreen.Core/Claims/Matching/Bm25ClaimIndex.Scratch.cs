using System.Numerics;
using System.Runtime.Intrinsics;

namespace HoaxScreen.Core.Claims.Matching;

public sealed partial class Bm25ClaimIndex
{
    /// <summary>
    /// A thread's working memory for one search: the scores of one block of claims, valid only for the claims whose
    /// bit is set in the block's found bitmap (so a new block clears 512 bytes of bits, not the scores the last left),
    /// and the best claims so far.
    /// </summary>
    private sealed class Scratch
    {
        private readonly float[] _scores = new float[Block];
        private readonly ulong[] _found = new ulong[Block / 64];
        private readonly PriorityQueue<int, (float Score, int Negated)> _best = new();
        private float[] _idfs = new float[32];
        private int[] _cursors = new int[32];
        private int _top;
        private (float Score, int Negated) _worst;

        public List<int> QueryTerms { get; } = [];

        public Dictionary<int, int> Occurrences { get; } = [];

        /// <summary>The scores of claims start + d of the current block.</summary>
        public float[] Scores => _scores;

        /// <summary>Bit d is set when claim start + d of the current block has a score.</summary>
        public ulong[] Found => _found;

        /// <summary>A buffer of at least <paramref name="count"/> floats for the query words' weights.</summary>
        public float[] TermIdfs(int count) => _idfs.Length >= count ? _idfs : _idfs = new float[count * 2];

        /// <summary>A buffer of at least <paramref name="count"/> positions in the query words' postings.</summary>
        public int[] Cursors(int count) => _cursors.Length >= count ? _cursors : _cursors = new int[count * 2];

        public void BeginTop(int top)
        {
            _top = top;
            _best.Clear();
            _worst = (float.NegativeInfinity, 0);
        }

        // The best few of the claims found with a bounded min-heap (lowest score, then highest index, on top). Once
        // the heap is full, a claim needs at least the heap's lowest score to enter: 64 claims' scores are compared
        // with it at once, and only the found claims at or above it are looked at. The order claims are offered in
        // does not change the result: the heap's key orders every two claims.
        public void Collect(int start, int words)
        {
            var found = _found;
            var scores = _scores;
            var best = _best;
            var top = _top;
            var worst = _worst;
            for (var w = 0; w < words; w++)
            {
                var bits = found[w];
                if (bits == 0)
                {
                    continue;
                }

                if (best.Count == top && Vector256.IsHardwareAccelerated)
                {
                    bits &= AtLeast(scores, w << 6, worst.Score);
                }

                for (; bits != 0; bits &= bits - 1)
                {
                    var local = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    var score = scores[local];
                    var d = start + local;
                    if (best.Count < top)
                    {
                        best.Enqueue(d, (score, -d));
                        if (best.Count == top)
                        {
                            best.TryPeek(out _, out worst);
                        }
                    }
                    else if (score >= worst.Score && (score > worst.Score || -d > worst.Negated))
                    {
                        best.DequeueEnqueue(d, (score, -d));
                        best.TryPeek(out _, out worst);
                    }
                }
            }

            _worst = worst;
        }

        // Bit i set when scores[first + i] >= bar, for the 64 scores from first.
        private static ulong AtLeast(float[] scores, int first, float bar)
        {
            ref var start = ref scores[first];
            var threshold = Vector256.Create(bar);
            var mask = 0UL;
            for (var k = 0; k < 64; k += Vector256<float>.Count)
            {
                var values = Vector256.LoadUnsafe(ref start, (nuint)k);
                mask |= (ulong)Vector256.GreaterThanOrEqual(values, threshold).ExtractMostSignificantBits() << k;
            }

            return mask;
        }

        /// <summary>The claims collected, best first.</summary>
        public IReadOnlyList<ClaimCandidate> Top(string[] ids)
        {
            var result = new ClaimCandidate[_best.Count];
            for (var i = result.Length - 1; i >= 0; i--)
            {
                _best.TryDequeue(out var d, out var key);
                result[i] = new ClaimCandidate(d, ids[d], key.Score);
            }

            return result;
        }
    }
}
