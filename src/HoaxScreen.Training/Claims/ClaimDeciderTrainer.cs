using HoaxScreen.Core.Claims.Matching;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Training.Claims;

/// <summary>A training post for the match decider: its normalised text and the claim it repeats (null: none).</summary>
public sealed record DeciderPost(string NormalizedText, string? ClaimId);

/// <summary>
/// The learned part of known-hoax matching: a boosted-tree classifier (ML.NET FastTree) over <see cref="PairFeatures"/>
/// of each post's retrieved candidates, deciding whether a candidate is the claim the post repeats. Its probability is
/// calibrated (Platt), so thresholds mean what they say. A pure builder: data in, fitted model out.
/// </summary>
public static class ClaimDeciderTrainer
{
    /// <summary>Candidates retrieved per post for training and for matching.</summary>
    public const int Candidates = 10;

    /// <summary>Rows for every post: one per retrieved candidate, labelled by whether it is the post's claim.</summary>
    public static List<DeciderRow> Rows(Bm25ClaimIndex index, IReadOnlyList<string> normalizedClaims, IReadOnlyList<DeciderPost> posts)
    {
        var rows = new List<DeciderRow>(posts.Count * Candidates);
        var chars = new CharTfIdf(normalizedClaims);
        for (var p = 0; p < posts.Count; p++)
        {
            var candidates = index.Search(posts[p].NormalizedText, Candidates);
            var features = PairFeatures.ComputeAll(posts[p].NormalizedText, normalizedClaims, candidates, index, chars);
            for (var rank = 0; rank < candidates.Count; rank++)
            {
                rows.Add(new DeciderRow
                {
                    Features = features[rank],
                    Label = candidates[rank].Id == posts[p].ClaimId,
                    Post = p,
                });
            }
        }

        return rows;
    }

    /// <summary>Fits the decider on <paramref name="rows"/> with a seeded context (deterministic for the same rows).</summary>
    public static ITransformer Fit(MLContext ml, IEnumerable<DeciderRow> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.BinaryClassification.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(DeciderRow.Label),
            FeatureColumnName = nameof(DeciderRow.Features),
            NumberOfTrees = 100,
            NumberOfLeaves = 16,
            MinimumExampleCountPerLeaf = 5,
            LearningRate = 0.1,
        });
        return trainer.Fit(data);
    }

    /// <summary>Match probabilities of <paramref name="rows"/> under <paramref name="model"/>, in order.</summary>
    public static float[] Probabilities(MLContext ml, ITransformer model, IReadOnlyList<DeciderRow> rows) =>
        [.. ml.Data.CreateEnumerable<DeciderScore>(model.Transform(ml.Data.LoadFromEnumerable(rows)), reuseRowObject: false)
            .Select(s => s.Probability)];

    /// <summary>
    /// Out-of-fold probabilities: the posts are split into <paramref name="folds"/> by index, each fold scored by a
    /// decider fitted on the others, so thresholds can be chosen on scores no model saw its own answers for.
    /// </summary>
    public static float[] OutOfFold(MLContext ml, IReadOnlyList<DeciderRow> rows, int folds) =>
        OutOfFold(ml, rows, folds, post => post % folds);

    /// <summary>As <see cref="OutOfFold(MLContext, IReadOnlyList{DeciderRow}, int)"/> with each post's fold given.</summary>
    public static float[] OutOfFold(MLContext ml, IReadOnlyList<DeciderRow> rows, int folds, Func<int, int> foldOfPost)
    {
        var probabilities = new float[rows.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var current = fold;
            var training = rows.Where(r => foldOfPost(r.Post) != current).ToList();
            var held = Enumerable.Range(0, rows.Count).Where(i => foldOfPost(rows[i].Post) == current).ToList();
            if (held.Count == 0 || training.Count == 0)
            {
                continue;
            }

            var model = Fit(ml, training);
            var scores = Probabilities(ml, model, [.. held.Select(i => rows[i])]);
            for (var k = 0; k < held.Count; k++)
            {
                probabilities[held[k]] = scores[k];
            }
        }

        return probabilities;
    }
}
