namespace HoaxScreen.Core.Claims.Matching;

public sealed partial class Bm25ClaimIndex
{
    /// <summary>A thread's working memory for one search: scores by claim, the claims found (as a list and a bitmap).</summary>
    private sealed class Scratch
    {
        private float[] _scores = [];
        private ulong[] _found = [];
        private readonly List<int> _touched = [];
        private readonly PriorityQueue<int, (float Score, int Negated)> _best = new();

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
                foreach (var d in _touched)
                {
                    _scores[d] = 0;
                    _found[d >> 6] = 0;
                }
            }

            _touched.Clear();
        }

        public void Open(int document, float score)
        {
            if (_scores[document] == 0)
            {
                _touched.Add(document);
                _found[document >> 6] |= 1UL << document;
            }

            _scores[document] += score;
        }

        // The best few of the claims found with a bounded min-heap (lowest score, then highest index, on top), so a
        // word touching thousands of claims costs a pass, not a sort.
        public IReadOnlyList<ClaimCandidate> Top(int top, string[] ids)
        {
            _best.Clear();
            var worst = (Score: float.NegativeInfinity, Negated: 0);
            foreach (var d in _touched)
            {
                var score = _scores[d];
                if (_best.Count < top)
                {
                    _best.Enqueue(d, (score, -d));
                    if (_best.Count == top)
                    {
                        _best.TryPeek(out _, out worst);
                    }
                }
                else if (score >= worst.Score && (score, -d).CompareTo(worst) > 0)
                {
                    _best.DequeueEnqueue(d, (score, -d));
                    _best.TryPeek(out _, out worst);
                }
            }

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
