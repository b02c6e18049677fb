using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Tests.Claims.Reference;
using HoaxScreen.Tests.Shared;
using Microsoft.ML;

namespace HoaxScreen.Core.Tests.Claims;

/// <summary>
/// The committed decider (models/claims/decider.zip) read from its trees against its ML.NET PredictionEngine: the
/// same probability, bit for bit, for the features of every candidate of the committed posts.
/// </summary>
public class TreeEnsembleDeciderTests
{
    private static readonly string DeciderPath = Path.Combine(RepoPaths.Bundle("claims"), MatcherManifest.DeciderFile);

    [Test]
    public void Probability_CommittedDeciderOnCommittedPairs_SameAsMlNetEngine()
    {
        var ml = new MLContext(seed: 1);
        var model = ml.Model.Load(DeciderPath, out _);
        var trees = TreeEnsembleDecider.TryCreate(model);
        using var engine = ml.Model.CreatePredictionEngine<DeciderRow, DeciderScore>(model);
        var rows = Rows();

        var differing = new List<string>();
        var score = new DeciderScore();
        foreach (var features in rows)
        {
            engine.Predict(new DeciderRow { Features = features }, ref score);
            var direct = trees!.Probability(features);
            if (BitConverter.SingleToInt32Bits(direct) != BitConverter.SingleToInt32Bits(score.Probability))
            {
                differing.Add($"{direct:R} vs {score.Probability:R} for [{string.Join(", ", features)}]");
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(trees, Is.Not.Null, "the committed decider is a calibrated FastTree of the plain shape");
            Assert.That(trees!.Trees, Is.EqualTo(100));
            Assert.That(rows, Has.Count.GreaterThan(5_000));
            Assert.That(differing, Is.Empty);
        });
    }

    [Test]
    public void Probabilities_ManyVectorsAtOnce_SameAsOneByOne()
    {
        var ml = new MLContext(seed: 1);
        var trees = TreeEnsembleDecider.TryCreate(ml.Model.Load(DeciderPath, out _))!;
        var rows = Rows().Take(1_000).ToList();
        var flat = rows.SelectMany(r => r).ToArray();
        flat[(7 * PairFeatures.Count) + 2] = float.NaN;

        var batch = new float[rows.Count];
        trees.Probabilities(flat, PairFeatures.Count, batch);
        var single = rows.Select((r, i) => trees.Probability(flat.AsSpan(i * PairFeatures.Count, PairFeatures.Count))).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(batch.Select(BitConverter.SingleToInt32Bits), Is.EqualTo(single.Select(BitConverter.SingleToInt32Bits)));
            Assert.That(batch[7], Is.NaN, "a vector with NaN is left to ML.NET");
            Assert.That(batch.Count(float.IsNaN), Is.EqualTo(1));
        });
    }

    [Test]
    public void Probability_NaNFeature_IsNaNSoTheCallerAsksMlNet()
    {
        var ml = new MLContext(seed: 1);
        var trees = TreeEnsembleDecider.TryCreate(ml.Model.Load(DeciderPath, out _))!;
        var features = new float[PairFeatures.Count];
        features[3] = float.NaN;

        Assert.That(trees.Probability(features), Is.NaN);
    }

    [Test]
    public void TryCreate_NotACalibratedFastTreeClassifier_ReturnsNull()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 20).Select(i => new DeciderRow
        {
            Features = [.. Enumerable.Range(0, PairFeatures.Count).Select(f => (float)((i * (f + 1)) % 7))],
        }));
        var other = ml.Transforms.NormalizeMinMax(nameof(DeciderRow.Features)).Fit(data);

        Assert.That(TreeEnsembleDecider.TryCreate(other), Is.Null);
    }

    // Features of the 10 candidates of each committed post, in the committed claims, and in a store of 20,000 claims.
    private static List<float[]> Rows()
    {
        var rows = new List<float[]>();
        foreach (var claims in new[] { CommittedMatchingData.ClaimTexts.Select((t, i) => ($"tc-{i}", t)).ToArray(), CommittedMatchingData.LargeStore(20_000) })
        {
            var index = Bm25ClaimIndex.Build(claims);
            string[] texts = [.. claims.Select(c => c.Item2)];
            var chars = new CharTfIdf(texts);
            foreach (var post in CommittedMatchingData.Posts)
            {
                rows.AddRange(PairFeatures.ComputeAll(post, texts, index.Search(post, 10), index, chars));
            }
        }

        return rows;
    }
}
