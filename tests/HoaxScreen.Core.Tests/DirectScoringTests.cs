using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Core.Tests;

/// <summary>
/// The fast path (NgramFeaturizer straight into the linear heads) must give the chain's numbers for every post it
/// takes, hand the rest to the chain, and stay off for bundles that lack or spoil its feature weights.
/// </summary>
public class DirectScoringTests
{
    private static readonly Lazy<ScoringModel> DefaultModel = new(() => ScoringModel.Load(RepoPaths.DefaultModel));

    private static readonly Lazy<string[]> NormalizedPosts = new(() =>
    {
        using var reader = CsvRecordReader.Open(Path.Combine(RepoPaths.DataFolder, "posts.csv"));
        var header = reader.ReadRecord()!;
        var text = Array.IndexOf(header, "text");
        var posts = new List<string>();
        while (reader.ReadRecord() is { } record)
        {
            posts.Add(DefaultModel.Value.Normalizer.Normalize(record[text]));
        }

        return [.. posts];
    });

    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("hoaxscreen-direct-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Load_DefaultBundle_HasTheDirectPath()
    {
        Assert.That(File.Exists(Path.Combine(RepoPaths.DefaultModel, FeatureWeightsFile.FileName)), "the default bundle carries its feature weights");
        Assert.That(DefaultModel.Value.HasDirectPath, Is.True);
    }

    [Test]
    public void TryScore_EveryTeamPost_GivesTheChainsMarginsAndProbabilities()
    {
        var model = DefaultModel.Value;
        using var chain = model.CreateEngine();
        var expected = new PostProbabilities();
        var actual = new PostProbabilities();
        var direct = 0;
        foreach (var text in NormalizedPosts.Value)
        {
            chain.Predict(new PostInput { Text = text }, ref expected);
            if (!model.Direct!.TryScore(text, actual))
            {
                continue;
            }

            direct++;
            Assert.That(actual.Margins, Is.EqualTo(expected.Margins).Within(1e-4f), text);
            Assert.That(actual.Probabilities, Is.EqualTo(expected.Probabilities).Within(1e-5f), text);
        }

        // Posts with emoji fall back to the chain; the rest, most of them, take the fast path.
        Assert.That(direct, Is.GreaterThan(NormalizedPosts.Value.Length * 7 / 10));
    }

    [TestCase("😡 dasar")]
    [TestCase("ada | garis")]
    [TestCase("HURUF BESAR")]
    [TestCase("tab\tdi sini")]
    public void TryScore_TextTheFeaturiserDoesNotReproduce_LeavesItToTheChain(string text)
    {
        var output = new PostProbabilities();
        Assert.That(DefaultModel.Value.Direct!.TryScore(text, output), Is.False);
        Assert.That(output.Probabilities, Is.Empty, "output untouched");
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("kata  dengan   spasi ganda")]
    [TestCase("xyzzyqwv tidakadadikamus sama sekali")]
    public void Predict_EdgeTexts_MatchesTheChain(string text)
    {
        var model = DefaultModel.Value;
        using var chain = model.CreateEngine();
        var expected = new PostProbabilities();
        var actual = new PostProbabilities();
        chain.Predict(new PostInput { Text = text }, ref expected);
        model.Predict(chain, text, actual);
        Assert.That(actual.Margins, Is.EqualTo(expected.Margins).Within(1e-4f));
    }

    [Test]
    public void Load_BundleWithoutFeatureWeights_ScoresThroughTheChainWithTheSameScores()
    {
        CopyDefaultBundle();
        File.Delete(Path.Combine(_folder, FeatureWeightsFile.FileName));

        var model = ScoringModel.Load(_folder);

        Assert.That(model.HasDirectPath, Is.False);
        var posts = NormalizedPosts.Value.Take(50).ToArray();
        var withoutDirect = model.ScoreBatch(posts);
        var withDirect = DefaultModel.Value.ScoreBatch(posts);
        for (var i = 0; i < posts.Length; i++)
        {
            Assert.That(withoutDirect[i].Labels.Select(l => l.Score), Is.EqualTo(withDirect[i].Labels.Select(l => l.Score)).Within(1e-5f), posts[i]);
        }
    }

    [Test]
    public void Load_FeatureWeightsOfAnotherSize_DoesNotUseTheDirectPath()
    {
        CopyDefaultBundle();
        FeatureWeightsFile.Write(_folder, new float[10]);

        Assert.That(ScoringModel.Load(_folder).HasDirectPath, Is.False);
    }

    [Test]
    public void Load_WrongFeatureWeights_FailProbesAndDoNotUseTheDirectPath()
    {
        CopyDefaultBundle();
        var weights = FeatureWeightsFile.Read(_folder)!;
        FeatureWeightsFile.Write(_folder, [.. weights.Select((w, i) => i % 2 == 0 ? w * 3 : w)]);

        Assert.That(ScoringModel.Load(_folder).HasDirectPath, Is.False);
    }

    [Test]
    public void Load_TruncatedFeatureWeightsFile_IsABundleError()
    {
        CopyDefaultBundle();
        var path = Path.Combine(_folder, FeatureWeightsFile.FileName);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..100]);

        var error = Assert.Throws<ModelBundleException>(() => ScoringModel.Load(_folder));
        Assert.That(error!.Message, Does.Contain(FeatureWeightsFile.FileName).And.Contain("truncated"));
    }

    [Test]
    public void FeatureWeightsFile_WriteThenRead_RoundTrips()
    {
        float[] weights = [0f, 1.5f, 7.25f, 0.001f];
        FeatureWeightsFile.Write(_folder, weights);

        Assert.That(FeatureWeightsFile.Read(_folder), Is.EqualTo(weights));
        Assert.That(FeatureWeightsFile.Read(Path.Combine(_folder, "absent")), Is.Null);
    }

    private void CopyDefaultBundle()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.DefaultModel, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_folder, Path.GetRelativePath(RepoPaths.DefaultModel, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
