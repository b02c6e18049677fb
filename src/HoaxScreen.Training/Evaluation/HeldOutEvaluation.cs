using HoaxScreen.Core.Evaluation;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Training.Evaluation;

/// <summary>
/// What the shipped model did on the evaluation split: per label, its scored rows and metrics; per source
/// and label the source carries, the same metrics on that source's rows alone (at the label's one threshold).
/// </summary>
public sealed record HeldOutEvaluation(IReadOnlyList<LabelEvaluation> Labels, IReadOnlyList<SourceLabelEvaluation> Sources)
{
    /// <param name="rows">Evaluation row indices into <see cref="LabelledDataset.Posts"/>.</param>
    /// <param name="scores">Per evaluation row, the probability of each label.</param>
    public static HeldOutEvaluation Of(LabelledDataset dataset, IReadOnlyList<int> rows, float[][] scores, IReadOnlyList<double> thresholds)
    {
        var labels = dataset.Labels.Select((name, l) =>
        {
            var pairs = KnownScores.Of(dataset, rows, scores, l);
            return new LabelEvaluation(name, thresholds[l], pairs, BinaryMetricsCalculator.Compute(pairs, thresholds[l]));
        }).ToList();

        var sources = new List<SourceLabelEvaluation>();
        for (var s = 0; s < dataset.Sources.Count; s++)
        {
            var path = dataset.Sources[s].Path;
            foreach (var name in dataset.Labels.Where(dataset.Sources[s].Labels.ContainsKey))
            {
                var l = dataset.LabelIndex(name);
                var pairs = KnownScores.Of(dataset, rows, scores, l, i => dataset.Posts[rows[i]].SourcePath == path);
                sources.Add(new SourceLabelEvaluation(s, name, BinaryMetricsCalculator.Compute(pairs, thresholds[l])));
            }
        }

        return new HeldOutEvaluation(labels, sources);
    }
}

/// <summary>One label on the evaluation split: its threshold, the (score, truth) rows where it is known, and their metrics.</summary>
public sealed record LabelEvaluation(string Label, double Threshold, IReadOnlyList<(float Score, bool Truth)> Rows, LabelMetrics Metrics);

/// <summary>Metrics of one label on the evaluation rows of one source (index into the dataset's sources).</summary>
public sealed record SourceLabelEvaluation(int SourceIndex, string Label, LabelMetrics Metrics);
