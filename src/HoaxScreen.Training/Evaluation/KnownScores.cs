using HoaxScreen.Training.Data;

namespace HoaxScreen.Training.Evaluation;

/// <summary>(score, truth) pairs of one label over the rows where the label is known.</summary>
public static class KnownScores
{
    /// <param name="rows">Indices into <see cref="LabelledDataset.Posts"/>.</param>
    /// <param name="scores">Per entry of <paramref name="rows"/>, the probability of each label.</param>
    /// <param name="keep">Optional filter on positions in <paramref name="rows"/>.</param>
    public static List<(float Score, bool Truth)> Of(LabelledDataset dataset, IReadOnlyList<int> rows, float[][] scores, int label, Func<int, bool>? keep = null)
    {
        var pairs = new List<(float, bool)>();
        for (var i = 0; i < rows.Count; i++)
        {
            if ((keep is null || keep(i)) && dataset.Posts[rows[i]].Labels[label] is { } truth)
            {
                pairs.Add((scores[i][label], truth));
            }
        }

        return pairs;
    }
}
