namespace HoaxScreen.Core.Adaptation;

/// <summary>
/// How much of the correction a post gets, by how alike it is to the feedback: its largest cosine similarity to a
/// feedback post (over the base's features), s. The full correction from <see cref="Full"/> (the 10th percentile of the
/// feedback posts' own similarity to the other folds' posts, so nine in ten feedback-like posts get it all), none below
/// half that, linear between. Fixed rules on the feedback alone; the base's own posts are never looked at. Bench-only
/// (<see cref="LocalTuning.SimilarityGate"/>): a gate is not linear, so a bundle's linear heads cannot carry it.
/// </summary>
public sealed class FeedbackSimilarityGate
{
    private const double FullPercentile = 0.10;

    private readonly Dictionary<int, List<(int Post, float Value)>> _postings = [];
    private readonly double[] _norms;

    private FeedbackSimilarityGate(IReadOnlyList<SparseRow> feedback, int baseSlots)
    {
        _norms = new double[feedback.Count];
        for (var p = 0; p < feedback.Count; p++)
        {
            var row = feedback[p];
            for (var j = 0; j < row.Slots.Length && row.Slots[j] < baseSlots; j++)
            {
                if (!_postings.TryGetValue(row.Slots[j], out var list))
                {
                    _postings[row.Slots[j]] = list = [];
                }

                list.Add((p, row.Values[j]));
                _norms[p] += (double)row.Values[j] * row.Values[j];
            }

            _norms[p] = Math.Sqrt(_norms[p]);
        }

        BaseSlots = baseSlots;
    }

    /// <summary>Similarity from which a post gets the whole correction.</summary>
    public double Full { get; private set; }

    private int BaseSlots { get; }

    /// <param name="feedback">The feedback rows (slots ascending; slots from <paramref name="baseSlots"/> on are not the base's and are ignored).</param>
    /// <param name="folds">Per feedback row, its cross-validation fold: a row's own similarity is to the other folds' rows.</param>
    public static FeedbackSimilarityGate Fit(IReadOnlyList<SparseRow> feedback, IReadOnlyList<int> folds, int baseSlots)
    {
        var gate = new FeedbackSimilarityGate(feedback, baseSlots);
        var own = Enumerable.Range(0, feedback.Count).Select(p => gate.Similarity(feedback[p], other => folds[other] != folds[p])).Order().ToArray();
        gate.Full = own.Length == 0 ? 0 : own[(int)Math.Floor(FullPercentile * (own.Length - 1))];
        return gate;
    }

    /// <summary>The share of the correction this post gets, 0..1.</summary>
    public double Weight(SparseRow row)
    {
        if (Full <= 0)
        {
            return 1;
        }

        var s = Similarity(row, _ => true);
        return Math.Clamp((s - Full / 2) / (Full / 2), 0, 1);
    }

    /// <summary>The largest cosine similarity of the row to a feedback post that <paramref name="include"/> admits.</summary>
    public double Similarity(SparseRow row, Func<int, bool> include)
    {
        var dots = new double[_norms.Length];
        double norm = 0;
        for (var j = 0; j < row.Slots.Length && row.Slots[j] < BaseSlots; j++)
        {
            norm += (double)row.Values[j] * row.Values[j];
            if (_postings.TryGetValue(row.Slots[j], out var list))
            {
                foreach (var (post, value) in list)
                {
                    dots[post] += (double)value * row.Values[j];
                }
            }
        }

        var best = 0d;
        for (var p = 0; p < dots.Length; p++)
        {
            if (dots[p] > 0 && include(p))
            {
                best = Math.Max(best, dots[p] / (Math.Sqrt(norm) * _norms[p]));
            }
        }

        return best;
    }
}
