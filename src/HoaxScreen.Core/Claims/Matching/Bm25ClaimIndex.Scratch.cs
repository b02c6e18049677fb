using System.Numerics;

namespace HoaxScreen.Core.Claims.Matching;

public sealed partial class Bm25ClaimIndex
{
    /// <summary>
    /// A thread's working memory for one search: scores by claim, valid only for the claims whose bit is set in the
    /// found bitmap (so a new search clears a few kilobytes of bits instead of the scores it left).
    /// </summary>
    private sealed class Scratch
    {
        private float[] _scores = [];
        private ulong[] _found = [];
        private readonly PriorityQueue<int, (float Score, int Negated)> _best = new();
        private float[] _idfs = new float[32];
        private int[] _cursors = new int[32];
        private int _top;
        private (float Score, int Negated) _worst;

        public List<int> QueryTerms { get; } = [];

        public Dictionary<int, int> Occurrences { get; } = [];

        public float[] Scores => _scores;

        /// <summary>Bit d is set when claim d has a score.</summary>
        public ulong[] Found => _found;

        public void Begin(int documents)
        {
            if (_scores.Length != documents)
            {
                _scores = new float[documents];
                _found = new ulong[(documents + 63) / 64];
            }
            else
            {
                Array.Clear(_found);
            }
        }

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

        // The best few of the claims found with a bounded min-heap (lowest score, then highest index, on top), so a
        // word touching thousands of claims costs a pass, not a sort. The order claims are offered in does not change
        // the result: the heap's key orders every two claims.
        public void Collect(int from, int to)
        {
            var found = _found;
            var scores = _scores;
            for (var w = from; w < to; w++)
            {
                for (var bits = found[w]; bits != 0; bits &= bits - 1)
                {
                    var d = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    var score = scores[d];
                    if (_best.Count < _top)
                    {
                        _best.Enqueue(d, (score, -d));
                        if (_best.Count == _top)
                        {
                            _best.TryPeek(out _, out _worst);
                        }
                    }
                    else if (score >= _worst.Score && (score, -d).CompareTo(_worst) > 0)
                    {
                        _best.DequeueEnqueue(d, (score, -d));
                        _best.TryPeek(out _, out _worst);
                    }
                }
            }
        }

        /// <summary>The claims collected, best first.</summary>
        public IReadOnlyList<ClaimCandidate> Top(string[] ids)
        {
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
