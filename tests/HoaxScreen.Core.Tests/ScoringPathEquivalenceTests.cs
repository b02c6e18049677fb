using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Tests.Shared;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Core.Tests;

/// <summary>
/// Every way to score gives one answer: a batch, a post at a time and many threads at once agree, and the linear heads
/// serving reads out of model.zip give what ML.NET's own classifiers in model.zip give on the same feature vectors.
/// </summary>
public class ScoringPathEquivalenceTests
{
    private const int PostCount = 300;

    private static readonly Lazy<ScoringModel> DefaultModel = new(() => ModelBundleLoader.Load(RepoPaths.DefaultModel));

    private static readonly Lazy<string[]> Posts = new(ReadPosts);

    [Test]
    public void ScoreBatch_300Posts_MatchesSinglePostScores()
    {
        var model = DefaultModel.Value;
        var posts = Posts.Value;
        var batch = model.ScoreBatch(posts);
        Assert.That(batch, Has.Count.EqualTo(posts.Length));
        for (var i = 0; i < posts.Length; i++)
        {
            var single = model.Score(posts[i]);
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
    public void LinearHeads_DefaultBundle_GiveTheScoresOfMLNetsClassifiers()
    {
        var model = DefaultModel.Value;
        var featurizer = model.Classifier.Featurizer;
        var ml = new MLContext(seed: 1);
        var saved = ml.Model.Load(Path.Combine(RepoPaths.DefaultModel, ModelBundle.ModelFile), out var inputSchema);
        Assert.That(inputSchema[ModelColumns.Features].Type, Is.EqualTo(new VectorDataViewType(NumberDataViewType.Single, featurizer.Size)),
            "model.zip reads the featuriser's vectors");

        var normalized = Posts.Value.Select(model.Normalizer.Normalize).ToArray();
        var rows = normalized.Select(text =>
        {
            featurizer.Featurize(text, out var slots, out var values);
            return new FeatureRow { Features = new VBuffer<float>(featurizer.Size, values.Length, values.ToArray(), slots.ToArray()) };
        });
        var definition = SchemaDefinition.Create(typeof(FeatureRow));
        definition[ModelColumns.Features].ColumnType = inputSchema[ModelColumns.Features].Type;
        var scored = saved.Transform(ml.Data.LoadFromEnumerable(rows, definition));
        var probabilities = scored.GetColumn<VBuffer<float>>(ModelColumns.Probabilities).Select(v => v.DenseValues().ToArray()).ToArray();
        var margins = scored.GetColumn<VBuffer<float>>(ModelColumns.Margins).Select(v => v.DenseValues().ToArray()).ToArray();

        var ours = new LabelScores();
        for (var i = 0; i < normalized.Length; i++)
        {
            model.Predict(normalized[i], ours);
            // ML.NET's vectorised dot product adds a few hundred terms in another order: margins differ by ~1e-5 at most.
            Assert.That(ours.Probabilities, Is.EqualTo(probabilities[i]).Within(1e-5f), normalized[i]);
            Assert.That(ours.Margins, Is.EqualTo(margins[i]).Within(1e-4f), normalized[i]);
        }
    }

    /// <summary>ML.NET schema type: a feature vector.</summary>
    private sealed class FeatureRow
    {
        [ColumnName(ModelColumns.Features)]
        public VBuffer<float> Features { get; set; }
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
