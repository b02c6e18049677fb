using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Tests.Shared;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Core.Tests;

/// <summary>
/// The speed work must not move a score: the batch path (chunked across cores with pooled engines) agrees with the
/// single-post path, and the feature cache gives what the bundle's chain as saved gives.
/// </summary>
public class ScoringPathEquivalenceTests
{
    private const int PostCount = 300;

    private static readonly Lazy<ScoringModel> DefaultModel = new(() => ScoringModel.Load(RepoPaths.DefaultModel));

    private static readonly Lazy<string[]> Posts = new(ReadPosts);

    [Test]
    public void ScoreBatch_300Posts_MatchesSinglePostScores()
    {
        var model = DefaultModel.Value;
        var posts = Posts.Value;
        Assert.That(posts, Has.Length.GreaterThanOrEqualTo(2 * ScoringModel.ParallelChunk), "the batch must be large enough to be split");

        var batch = model.ScoreBatch(posts);
        using var engine = model.CreateEngine();
        Assert.That(batch, Has.Count.EqualTo(posts.Length));
        for (var i = 0; i < posts.Length; i++)
        {
            var single = model.Score(engine, posts[i]);
            Assert.That(batch[i].Labels.Select(l => l.Label), Is.EqualTo(single.Labels.Select(l => l.Label)));
            Assert.That(batch[i].Labels.Select(l => l.Score), Is.EqualTo(single.Labels.Select(l => l.Score)).Within(1e-5f), $"post {i}: {posts[i]}");
            Assert.That(batch[i].Labels.Select(l => l.Flagged), Is.EqualTo(single.Labels.Select(l => l.Flagged)), $"post {i}");
            Assert.That(batch[i].Flagged, Is.EqualTo(single.Flagged), $"post {i}");
        }
    }

    [Test]
    public void ScoreBatch_SmallAndLargeBatchesOfTheSamePosts_Agree()
    {
        var model = DefaultModel.Value;
        var posts = Posts.Value;
        var whole = model.ScoreBatch(posts);
        var pieces = posts.Chunk(7).SelectMany(chunk => model.ScoreBatch(chunk)).ToList();
        for (var i = 0; i < posts.Length; i++)
        {
            Assert.That(pieces[i].Labels.Select(l => l.Score), Is.EqualTo(whole[i].Labels.Select(l => l.Score)).Within(1e-5f), $"post {i}");
        }
    }

    [Test]
    public void ScoreBatch_CalledFromSeveralThreadsAtOnce_GivesTheSameResults()
    {
        var model = DefaultModel.Value;
        var posts = Posts.Value;
        var expected = model.ScoreBatch(posts);
        var results = new IReadOnlyList<PostVerdict>[4];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length }, k => results[k] = model.ScoreBatch(posts));
        foreach (var result in results)
        {
            for (var i = 0; i < posts.Length; i++)
            {
                Assert.That(result[i].Labels.Select(l => l.Score), Is.EqualTo(expected[i].Labels.Select(l => l.Score)).Within(1e-5f), $"post {i}");
            }
        }
    }

    [Test]
    public void FeatureCache_GivesTheScoresOfTheChainAsSaved()
    {
        var model = DefaultModel.Value;
        var ml = new MLContext(seed: 1);
        var saved = ml.Model.Load(Path.Combine(RepoPaths.DefaultModel, ModelBundle.ModelFile), out _);
        var cached = FeatureCache.Insert(ml, saved);
        Assert.That(cached, Is.Not.SameAs(saved), "the default bundle's chain has the shape the cache expects");

        AssertScoresLikeTheSavedChain(ml, model, saved, cached);
    }

    [Test]
    public void LinearHeads_DefaultBundle_GivesTheScoresOfTheChainAsSaved()
    {
        var model = DefaultModel.Value;
        var ml = new MLContext(seed: 1);
        var saved = ml.Model.Load(Path.Combine(RepoPaths.DefaultModel, ModelBundle.ModelFile), out _);
        var fused = LinearHeads.Fuse(ml, saved, model.Labels.Count);
        Assert.That(fused, Is.Not.Null, "the default bundle's labels are calibrated linear classifiers");

        AssertScoresLikeTheSavedChain(ml, model, saved, fused!);
    }

    [Test]
    public void LinearHeads_ChainWithoutItsClassifiers_IsNotFused()
    {
        var ml = new MLContext(seed: 1);
        var saved = (TransformerChain<ITransformer>)ml.Model.Load(Path.Combine(RepoPaths.DefaultModel, ModelBundle.ModelFile), out _);
        var featuriserOnly = new TransformerChain<ITransformer>(saved.First());

        Assert.That(LinearHeads.Fuse(ml, featuriserOnly, labelCount: 4), Is.Null);
        Assert.That(LinearHeads.Fuse(ml, saved, labelCount: 5), Is.Null, "a label count the chain does not carry");
    }

    [Test]
    public void FeatureCache_BatchTransform_GivesTheScoresOfTheChainAsSaved()
    {
        var model = DefaultModel.Value;
        var ml = new MLContext(seed: 1);
        var saved = ml.Model.Load(Path.Combine(RepoPaths.DefaultModel, ModelBundle.ModelFile), out _);
        var normalized = Posts.Value.Select(model.Normalizer.Normalize).ToArray();
        var viaCache = BatchScorer.Probabilities(ml, saved, normalized, model.Labels.Count);

        using var plain = ml.Model.CreatePredictionEngine<PostInput, PostProbabilities>(saved);
        var expected = new PostProbabilities();
        for (var i = 0; i < normalized.Length; i++)
        {
            plain.Predict(new PostInput { Text = normalized[i] }, ref expected);
            Assert.That(viaCache[i], Is.EqualTo(expected.Probabilities).Within(1e-6f), normalized[i]);
        }
    }

    private static void AssertScoresLikeTheSavedChain(MLContext ml, ScoringModel model, ITransformer saved, ITransformer faster)
    {
        using var plain = ml.Model.CreatePredictionEngine<PostInput, PostProbabilities>(saved);
        using var fast = ml.Model.CreatePredictionEngine<PostInput, PostProbabilities>(faster);
        var expected = new PostProbabilities();
        var actual = new PostProbabilities();
        foreach (var post in Posts.Value)
        {
            var input = new PostInput { Text = model.Normalizer.Normalize(post) };
            plain.Predict(input, ref expected);
            fast.Predict(input, ref actual);
            // ML.NET's vectorised dot product adds a few hundred terms in another order: margins of 2 or 3 differ by
            // ~1e-5, probabilities by ~1e-6. The same tolerances as the check at load.
            Assert.That(actual.Probabilities, Is.EqualTo(expected.Probabilities).Within(1e-5f), post);
            Assert.That(actual.Margins, Is.EqualTo(expected.Margins).Within(1e-4f), post);
        }
    }

    // The first 300 posts of the team's corpus with a varied mix (every 8th row, so all drafts' styles are in),
    // plus edge cases: empty, blank, emoji only, and a long post.
    private static string[] ReadPosts()
    {
        using var reader = CsvRecordReader.Open(Path.Combine(RepoPaths.DataFolder, "posts.csv"));
        var header = reader.ReadRecord()!;
        var text = Array.IndexOf(header, "text");
        var all = new List<string>();
        while (reader.ReadRecord() is { } record)
        {
            all.Add(record[text]);
        }

        var posts = all.Where((_, i) => i % 8 == 0).Take(PostCount - 4).ToList();
        posts.AddRange(["", "   ", "😂😂😂", string.Join(' ', all.Take(20))]);
        return [.. posts];
    }
}
