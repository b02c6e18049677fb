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
        var emoji = 0;
        foreach (var text in NormalizedPosts.Value)
        {
            chain.Predict(new PostInput { Text = text }, ref expected);
            if (!model.Direct!.TryScore(text, actual))
            {
                continue;
            }

            direct++;
            emoji += text.Any(char.IsSurrogate) ? 1 : 0;
            Assert.That(actual.Margins, Is.EqualTo(expected.Margins).Within(1e-4f), text);
            Assert.That(actual.Probabilities, Is.EqualTo(expected.Probabilities).Within(1e-5f), text);
        }

        // The trainer resolved the emoji n-grams' slots, so posts with emoji take the fast path too.
        TestContext.Out.WriteLine($"{direct} of {NormalizedPosts.Value.Length} posts on the direct path, {emoji} of them with emoji");
        Assert.That(emoji, Is.GreaterThan(0));
        Assert.That(direct, Is.GreaterThan(NormalizedPosts.Value.Length * 95 / 100));
    }

    [TestCase("ada | garis")]
    [TestCase("HURUF BESAR")]
    [TestCase("tab\tdi sini")]
    public void TryScore_TextTheFeaturiserDoesNotReproduce_LeavesItToTheChain(string text)
    {
        var output = new PostProbabilities();
        Assert.That(DefaultModel.Value.Direct!.TryScore(text, output), Is.False);
        Assert.That(output.Probabilities, Is.Empty, "output untouched");
    }

    [Test]
    public void TryScore_LoneSurrogate_LeavesItToTheChain()
    {
        // Built here, not in attributes: attribute strings cannot hold a lone surrogate (it becomes U+FFFD).
        var output = new PostProbabilities();
        foreach (var text in new[] { "\uD83D dasar", "dasar \uDE21", "\uDE21\uD83D", "akhir \uD83D" })
        {
            Assert.That(DefaultModel.Value.Direct!.TryScore(text, output), Is.False, string.Join(" ", text.Select(c => ((int)c).ToString("X4"))));
        }
    }

    [Test]
    public void Load_DefaultBundle_TakesEmojiOnTheDirectPath()
    {
        // The trainer resolved the slots of every emoji n-gram, so surrogate pairs need not go to the chain.
        Assert.That(FeatureWeightsFile.Read(RepoPaths.DefaultModel)!.ResolvedCharNgrams, Is.Not.Null.And.Not.Empty);
        Assert.That(DefaultModel.Value.Direct!.TakesEmoji, Is.True);
    }

    [Test]
    public void Load_BundleWithoutResolvedNgrams_LeavesEmojiToTheChain()
    {
        CopyDefaultBundle();
        var features = FeatureWeightsFile.Read(_folder)!;
        FeatureWeightsFile.Write(_folder, features with { ResolvedCharNgrams = null });
        ModelBundle.Seal(_folder);

        var model = ScoringModel.Load(_folder);

        Assert.That(model.HasDirectPath, Is.True);
        Assert.That(model.Direct!.TakesEmoji, Is.False);
        Assert.That(model.Direct.TryScore("mantap \U0001F600", new PostProbabilities()), Is.False);
    }

    [Test]
    public void Load_ResolvedNgramOnTheWrongSlot_LeavesEmojiToTheChain()
    {
        CopyDefaultBundle();
        var features = FeatureWeightsFile.Read(_folder)!;
        var ngrams = features.ResolvedCharNgrams!.ToDictionary();
        var (first, second) = (ngrams.Keys.Min(), ngrams.Keys.Max());
        (ngrams[first], ngrams[second]) = (ngrams[second], ngrams[first]);
        FeatureWeightsFile.Write(_folder, features with { ResolvedCharNgrams = ngrams });
        ModelBundle.Seal(_folder);

        Assert.That(ScoringModel.Load(_folder).Direct!.TakesEmoji, Is.False);
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
    public async Task Load_DirectPathInBackground_ScoresTheSameBeforeAndAfterItIsReady()
    {
        var model = ScoringModel.Load(RepoPaths.DefaultModel, directPathInBackground: true);
        var posts = NormalizedPosts.Value.Take(200).ToArray();
        var early = model.ScoreBatch(posts);

        Assert.That(await model.DirectPathReady.WaitAsync(TimeSpan.FromSeconds(60)), Is.True);
        Assert.That(model.HasDirectPath, Is.True);
        var late = model.ScoreBatch(posts);
        var synchronous = DefaultModel.Value.ScoreBatch(posts);
        for (var i = 0; i < posts.Length; i++)
        {
            Assert.That(late[i].Labels.Select(l => l.Score), Is.EqualTo(synchronous[i].Labels.Select(l => l.Score)), posts[i]);
            Assert.That(early[i].Labels.Select(l => l.Score), Is.EqualTo(late[i].Labels.Select(l => l.Score)).Within(1e-5f), posts[i]);
            Assert.That(early[i].Labels.Select(l => l.Flagged), Is.EqualTo(late[i].Labels.Select(l => l.Flagged)), posts[i]);
        }
    }

    [Test]
    public void Load_Synchronously_HasSettledTheDirectPath()
    {
        Assert.That(DefaultModel.Value.DirectPathReady.IsCompletedSuccessfully, Is.True);
        Assert.That(DefaultModel.Value.DirectPathReady.Result, Is.True);
    }

    [Test]
    public void Load_BundleWithoutFeatureWeights_ScoresThroughTheChainWithTheSameScores()
    {
        CopyDefaultBundle();
        File.Delete(Path.Combine(_folder, FeatureWeightsFile.FileName));
        ModelBundle.Seal(_folder);

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
        FeatureWeightsFile.Write(_folder, new FeatureWeights(new float[10], null));
        ModelBundle.Seal(_folder);

        Assert.That(ScoringModel.Load(_folder).HasDirectPath, Is.False);
    }

    [Test]
    public void Load_WrongFeatureWeights_FailProbesAndDoNotUseTheDirectPath()
    {
        CopyDefaultBundle();
        var features = FeatureWeightsFile.Read(_folder)!;
        FeatureWeightsFile.Write(_folder, features with { Weights = [.. features.Weights.Select((w, i) => i % 2 == 0 ? w * 3 : w)] });
        ModelBundle.Seal(_folder);

        Assert.That(ScoringModel.Load(_folder).HasDirectPath, Is.False);
    }

    [Test]
    public void Load_TruncatedFeatureWeightsFile_IsABundleError()
    {
        CopyDefaultBundle();
        var path = Path.Combine(_folder, FeatureWeightsFile.FileName);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..100]);
        ModelBundle.Seal(_folder);

        var error = Assert.Throws<ModelBundleException>(() => ScoringModel.Load(_folder));
        Assert.That(error!.Message, Does.Contain(FeatureWeightsFile.FileName).And.Contain("truncated"));
    }

    [Test]
    public void FeatureWeightsFile_WriteThenRead_RoundTrips()
    {
        float[] weights = [0f, 1.5f, 7.25f, 0.001f];
        var ngrams = new Dictionary<int, string> { [3] = "\U0001F600", [1] = "a\uD83D" };
        FeatureWeightsFile.Write(_folder, new FeatureWeights(weights, ngrams));

        var read = FeatureWeightsFile.Read(_folder)!;

        Assert.That(read.Weights, Is.EqualTo(weights));
        Assert.That(read.ResolvedCharNgrams, Is.EquivalentTo(ngrams));
        Assert.That(FeatureWeightsFile.Read(Path.Combine(_folder, "absent")), Is.Null);
    }

    [Test]
    public void FeatureWeightsFile_WithoutResolvedNgrams_ReadsThemAsNull()
    {
        FeatureWeightsFile.Write(_folder, new FeatureWeights([1f, 2f], null));

        Assert.That(FeatureWeightsFile.Read(_folder)!.ResolvedCharNgrams, Is.Null);
    }

    [Test]
    public void FeatureWeightsFile_FirstVersionFile_ReadsItsWeights()
    {
        // "HSIDF1": the weights only, as bundles written before the resolved n-grams have it.
        var bytes = "HSIDF1\0\0"u8.ToArray().Concat(BitConverter.GetBytes(2)).Concat(BitConverter.GetBytes(1.5f)).Concat(BitConverter.GetBytes(3f)).ToArray();
        File.WriteAllBytes(Path.Combine(_folder, FeatureWeightsFile.FileName), bytes);

        var read = FeatureWeightsFile.Read(_folder)!;

        Assert.That(read.Weights, Is.EqualTo(new[] { 1.5f, 3f }));
        Assert.That(read.ResolvedCharNgrams, Is.Null);
    }

    [Test]
    public void FeatureWeightsFile_ResolvedSlotOutOfRange_IsABundleError()
    {
        FeatureWeightsFile.Write(_folder, new FeatureWeights([1f, 2f], new Dictionary<int, string> { [5] = "\U0001F600" }));

        var error = Assert.Throws<ModelBundleException>(() => FeatureWeightsFile.Read(_folder));
        Assert.That(error!.Message, Does.Contain("slot 5"));
    }

    /// <summary>
    /// A copy of models/default in the test folder. Tests that edit the copy re-seal it (as an operator would with the CLI's
    /// <c>seal</c>), so that the check under test decides, not the file check of <see cref="ModelBundle.VerifyFiles"/>.
    /// </summary>
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
