using System.Text.Json.Nodes;
using HoaxScreen.Core.Adaptation;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Evaluation;
using HoaxScreen.Core.Feedback;
using HoaxScreen.Core.Modeling;

namespace HoaxScreen.Training.Tests.Adaptation;

/// <summary>
/// <c>adapt</c> on a small base trained here: the community's kind of hoax is learned from its moderators' decisions,
/// a label with too few positive decisions keeps the base exactly, the result is a sealed bundle that loads, and bad
/// input gives one line.
/// </summary>
[NonParallelizable]
public class AdaptCommandTests
{
    private string _work = null!;
    private string _base = null!;
    private string _feedback = null!;
    private string _adapted = null!;
    private CliRun _run = null!;

    [OneTimeSetUp]
    public void TrainBaseAndAdapt()
    {
        _work = Directory.CreateTempSubdirectory("hoaxscreen-adapt-").FullName;
        var corpus = CommunityPosts.Write(Path.Combine(_work, "base.csv"), CommunityPosts.Base());
        _base = Path.Combine(_work, "base");
        var train = CliRun.Of("train", "--data", corpus, "--out", _base);
        Assert.That(train.ExitCode, Is.EqualTo(0), train.Stderr);
        _feedback = CommunityPosts.Write(Path.Combine(_work, "feedback.csv"), CommunityPosts.Community(120, offset: 0));
        _adapted = Path.Combine(_work, "adapted");
        _run = CliRun.Of("adapt", "--model", _base, "--feedback", _feedback, "--out", _adapted);
    }

    [OneTimeTearDown]
    public void DeleteWork() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Adapt_FeedbackThatShiftsALabel_ScoresTheCommunitysHeldOutPostsBetterThanTheBase()
    {
        var heldOut = CommunityPosts.Community(80, offset: 1000).ToList();
        var baseModel = ModelBundleLoader.Load(_base);
        var adapted = ModelBundleLoader.Load(_adapted);

        double F1(HoaxScreen.Core.Scoring.ScoringModel model)
        {
            var verdicts = model.ScoreBatch([.. heldOut.Select(p => p.Text)]);
            var hoax = model.Labels.ToList().IndexOf("hoax");
            return BinaryMetricsCalculator.Compute([.. verdicts.Select((v, i) => (v.Labels[hoax].Score, heldOut[i].Hoax == 1))], model.Manifest.Labels[hoax].Threshold).F1;
        }

        Assert.That(_run.ExitCode, Is.EqualTo(0), _run.Stderr);
        Assert.That(F1(adapted), Is.GreaterThan(F1(baseModel) + 0.2));
        Assert.That(F1(adapted), Is.GreaterThanOrEqualTo(0.9));
    }

    [Test]
    public void Adapt_LabelWithTooFewPositives_KeepsTheBaseHeadAndThresholdExactly()
    {
        var baseModel = ModelBundleLoader.Load(_base);
        var adapted = ModelBundleLoader.Load(_adapted);
        var abusive = baseModel.Labels.ToList().IndexOf("abusive");
        var texts = CommunityPosts.Community(40, offset: 500).Select(p => p.Text).Append("dasar goblok kamu").ToList();

        var before = baseModel.ScoreBatch(texts).Select(v => v.Labels[abusive].Score);
        var after = adapted.ScoreBatch(texts).Select(v => v.Labels[abusive].Score);

        Assert.That(_run.ExitCode, Is.EqualTo(0), _run.Stderr);
        Assert.That(after, Is.EqualTo(before));
        Assert.That(adapted.Manifest.Labels[abusive].Threshold, Is.EqualTo(baseModel.Manifest.Labels[abusive].Threshold));
        Assert.That(_run.Stdout, Does.Match(@"abusive .*kept the base: 6 positive and 114 negative judgements"));
    }

    [Test]
    public void Adapt_Manifest_RecordsTheBaseVersionTheFeedbackHashAndPerLabelMethods()
    {
        var baseManifest = ModelBundle.ReadManifest(_base);
        var manifest = ModelBundle.ReadManifest(_adapted);
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(_adapted, AdaptationRecord.FileName)))!;
        var feedbackHash = FileHash.Sha256Of(_feedback);

        Assert.That(_run.ExitCode, Is.EqualTo(0), _run.Stderr);
        Assert.That(manifest.Version, Is.Not.EqualTo(baseManifest.Version));
        Assert.That(manifest.Sources[^1].Sha256, Is.EqualTo(feedbackHash));
        Assert.That(manifest.Files!.Select(f => f.Path), Does.Contain(AdaptationRecord.FileName));
        Assert.That(record["baseVersion"]!.GetValue<string>(), Is.EqualTo(baseManifest.Version));
        Assert.That(record["feedbackSha256"]!.GetValue<string>(), Is.EqualTo(feedbackHash));
        var labels = record["labels"]!.AsArray();
        Assert.That(labels.Select(l => (l!["label"]!.GetValue<string>(), l["keptBase"]!.GetValue<bool>())),
            Is.EquivalentTo(new[] { ("hoax", false), ("abusive", true) }));
        Assert.That(_run.Stdout, Does.Contain("adapted from " + baseManifest.Version));
    }

    [Test]
    public void Adapt_JsonLinesWithALabelsObject_AdaptsLikeTheCsv()
    {
        var jsonl = Path.Combine(_work, "feedback.jsonl");
        File.WriteAllLines(jsonl, CommunityPosts.Community(120, offset: 0).Select(p =>
            new JsonObject { ["text"] = p.Text, ["labels"] = new JsonObject { ["hoax"] = p.Hoax == 1 } }.ToJsonString()));
        var output = Path.Combine(_work, "adapted-jsonl");

        var run = CliRun.Of("adapt", "--model", _base, "--feedback", jsonl, "--out", output);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.Match(@"hoax +120 +60 .*local"));
        Assert.That(run.Stdout, Does.Match(@"abusive +0 +0 .*kept the base"));
        Assert.That(ModelBundleLoader.Load(output).Version, Is.EqualTo(ModelBundle.ReadManifest(output).Version));
    }

    [Test]
    public void Adapt_FeedbackStoreOfTheService_AdaptsLikeItsExport()
    {
        // The store /v1/feedback writes (Feedback:Path): decisions judging hoax only, scores as the service stored them.
        var db = Path.Combine(_work, "service-feedback.db");
        var store = FeedbackStore.Open(db);
        foreach (var post in CommunityPosts.Community(120, offset: 0))
        {
            store.Add(new NewFeedback(post.Text, new Dictionary<string, bool> { ["hoax"] = post.Hoax == 1 }), "base", new Dictionary<string, ModelJudgement>());
        }

        var output = Path.Combine(_work, "adapted-db");

        var run = CliRun.Of("adapt", "--model", _base, "--feedback", db, "--out", output);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.Match(@"hoax +120 +60 .*local"));
        Assert.That(ModelBundleLoader.Load(output).Version, Is.EqualTo(ModelBundle.ReadManifest(output).Version));
    }

    [TestCase("feedback.db", "feedback store")]
    [TestCase("missing.csv", "feedback file not found")]
    [TestCase("missing.db", "feedback file not found")]
    public void Adapt_FeedbackItCannotRead_OneLineErrorAndExitCode1(string name, string expected)
    {
        var path = Path.Combine(_work, name);
        if (name == "feedback.db")
        {
            File.WriteAllText(path, "SQLite format 3");
        }

        var run = CliRun.Of("adapt", "--model", _base, "--feedback", path, "--out", Path.Combine(_work, "never"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.LastError, Does.StartWith("error: ").And.Contain(expected));
        Assert.That(Directory.Exists(Path.Combine(_work, "never")), Is.False);
    }

    [Test]
    public void Adapt_FeedbackWithNoLabelOfTheModel_OneLineErrorNamingTheLabels()
    {
        var path = Path.Combine(_work, "nolabels.csv");
        File.WriteAllLines(path, ["text,spam", "beli sekarang,1"]);

        var run = CliRun.Of("adapt", "--model", _base, "--feedback", path, "--out", Path.Combine(_work, "never"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.Contain("no column names a label of the model").And.Contain("hoax"));
    }

    [Test]
    public void Adapt_BadCellInFeedback_OneLineErrorWithTheLine()
    {
        var path = Path.Combine(_work, "badcell.csv");
        File.WriteAllLines(path, ["text,hoax", "konon katanya,1", "biasa saja,ya"]);

        var run = CliRun.Of("adapt", "--model", _base, "--feedback", path, "--out", Path.Combine(_work, "never"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.Contain("badcell.csv:3").And.Contain("must be 1, 0 or empty"));
    }

    [TestCase("--method", "magic", "--method must be")]
    [TestCase("--out", "SAME_AS_MODEL", "--out must be a new folder")]
    public void Adapt_BadUsage_OneLineErrorAndExitCode2(string option, string value, string expected)
    {
        var args = new List<string> { "adapt", "--model", _base, "--feedback", _feedback };
        if (option == "--out")
        {
            args.AddRange(["--out", _base]);
        }
        else
        {
            args.AddRange(["--out", Path.Combine(_work, "never"), option, value]);
        }

        var run = CliRun.Of([.. args]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.LastError, Does.Contain(expected));
    }

    [Test]
    public void Adapt_OutputFolderMissing_ExitCode1BeforeAnyWork()
    {
        var run = CliRun.Of("adapt", "--model", _base, "--feedback", _feedback, "--out", Path.Combine(_work, "no", "such", "folder"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.Contain("output folder").And.Contain("does not exist"));
    }
}
