using HoaxScreen.Core.Evaluation;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Bench;

/// <summary>One label of one model on the evaluation split: clean against obfuscated.</summary>
public sealed record LabelRobustness(
    string Label,
    double Threshold,
    LabelMetrics Clean,
    LabelMetrics Obfuscated,
    double MeanPositiveScoreClean,
    double MeanPositiveScoreObfuscated,
    double? ManifestF1)
{
    public double DeltaF1 => Obfuscated.F1 - Clean.F1;
}

/// <summary>One trained model: its results per label, and F1 per label under each disguise applied alone.</summary>
public sealed record ModelRobustness(
    string Name,
    string Version,
    double TrainingSeconds,
    IReadOnlyList<LabelRobustness> Labels,
    IReadOnlyDictionary<Disguise, double[]> F1ByDisguise);

/// <summary>Scores posts with a bundle and turns the scores into per-label metrics at the bundle's thresholds.</summary>
public static class RobustnessEvaluation
{
    public const int ChunkSize = 4096;

    /// <summary>Probabilities per post, in the model's label order, scored through the serving path in chunks.</summary>
    public static float[][] Score(ScoringModel model, IReadOnlyList<string> texts)
    {
        var scores = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize, texts.Count - start);
            var chunk = new string[count];
            for (var i = 0; i < count; i++)
            {
                chunk[i] = texts[start + i];
            }

            var verdicts = model.ScoreBatch(chunk);
            for (var i = 0; i < count; i++)
            {
                var labels = verdicts[i].Labels;
                var row = new float[labels.Count];
                for (var l = 0; l < row.Length; l++)
                {
                    row[l] = labels[l].Score;
                }

                scores[start + i] = row;
            }
        }

        return scores;
    }

    /// <summary>(score, truth) for the rows where <paramref name="datasetLabel"/> is known.</summary>
    public static List<(float Score, bool Truth)> Known(IReadOnlyList<LabelledPost> posts, float[][] scores, int datasetLabel, int modelLabel)
    {
        var pairs = new List<(float, bool)>();
        for (var i = 0; i < posts.Count; i++)
        {
            if (posts[i].Labels[datasetLabel] is { } truth)
            {
                pairs.Add((scores[i][modelLabel], truth));
            }
        }

        return pairs;
    }

    public static double MeanPositiveScore(IReadOnlyList<(float Score, bool Truth)> pairs)
    {
        var positives = pairs.Where(p => p.Truth).ToList();
        return positives.Count == 0 ? double.NaN : positives.Average(p => (double)p.Score);
    }

    public static LabelMetrics Metrics(IReadOnlyList<(float Score, bool Truth)> pairs, double threshold) =>
        BinaryMetricsCalculator.Compute(pairs, threshold);
}
