using System.Text.Json;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Featurization;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Training.Tests;

/// <summary>End to end: trains once on the tiny fixture, then checks the bundle and the CLI's error paths.</summary>
public class TrainCommandTests
{
    private string _work = null!;
    private string _bundle = null!;
    private CliRun _run = null!;

    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny.csv");

    [OneTimeSetUp]
    public void TrainOnce()
    {
        _work = Directory.CreateTempSubdirectory("hoaxscreen-train-").FullName;
        _bundle = Path.Combine(_work, "bundle");
        _run = CliRun.Of("train", "--data", Fixture, "--out", _bundle);
    }

    [OneTimeTearDown]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Train_TinyFixture_WritesCompleteBundle()
    {
        Assert.That(_run.ExitCode, Is.EqualTo(0), _run.Stderr);
        Assert.That(Path.Combine(_bundle, ModelBundle.ModelFile), Does.Exist);
        Assert.That(Path.Combine(_bundle, ModelBundle.ManifestFile), Does.Exist);
        Assert.That(File.ReadAllText(Path.Combine(_bundle, ModelBundle.ReportFile)), Does.Contain("| hoax |"));
        Assert.That(Directory.GetDirectories(_work), Has.Length.EqualTo(1), "no staging folder may be left behind");
    }

    [Test]
    public void Train_TinyFixture_ManifestListsEveryOtherFileWithItsSizeAndHash()
    {
        var manifest = ModelBundle.ReadManifest(_bundle);
        var onDisk = Directory.GetFiles(_bundle, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(_bundle, file).Replace('\\', '/'))
            .Where(path => path != ModelBundle.ManifestFile)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.That(manifest.Files!.Select(f => f.Path), Is.EqualTo(onDisk));
        Assert.That(onDisk, Does.Contain(ModelBundle.ReportFile).And.Contain("lexicons/slang.csv").And.Contain(NgramVocabularyFile.FileName));
        Assert.That(onDisk, Has.Some.StartsWith("figures/"), "the report's figures are written before the seal");
        foreach (var file in manifest.Files!)
        {
            var path = Path.Combine(_bundle, file.Path);
            Assert.That((file.Bytes, file.Sha256), Is.EqualTo((new FileInfo(path).Length, FileHash.Sha256Of(path))), file.Path);
        }
    }

    [Test]
    public void Train_TinyFixture_BundleScoresTheEvaluationSplitAsTheReportSays()
    {
        // The manifest's held-out metrics come from the same featuriser and heads serving loads, so re-scoring the
        // evaluation rows through the loaded bundle reproduces each label's confusion counts exactly:
        var model = ModelBundleLoader.Load(_bundle);
        var dataset = LabelledDataset.Load(TrainingRecipe.ForCanonicalFile(Fixture), _ => { });
        var evaluation = Enumerable.Range(0, dataset.Posts.Count).Where(i => DataSplit.PartOf(dataset.Posts[i].Text) == SplitPart.Evaluation).ToArray();
        var verdicts = model.ScoreBatch([.. evaluation.Select(i => dataset.Posts[i].Text)]);
        var manifest = ModelBundle.ReadManifest(_bundle);
        for (var l = 0; l < manifest.Labels.Count; l++)
        {
            var known = evaluation.Select((row, k) => (Label: dataset.Posts[row].Labels[l], Flagged: verdicts[k].Labels[l].Flagged))
                .Where(p => p.Label is not null).ToList();
            var metrics = manifest.Labels[l].Metrics;
            Assert.That(known, Has.Count.EqualTo(metrics.Rows), manifest.Labels[l].Name);
            var truePositives = known.Count(p => p.Label == true && p.Flagged);
            var flagged = known.Count(p => p.Flagged);
            Assert.That(known.Count(p => p.Label == true), Is.EqualTo(metrics.Positives), manifest.Labels[l].Name);
            Assert.That(metrics.Recall, Is.EqualTo(metrics.Positives == 0 ? 0 : (double)truePositives / metrics.Positives).Within(1e-4), manifest.Labels[l].Name);
            Assert.That(metrics.Precision, Is.EqualTo(flagged == 0 ? 0 : (double)truePositives / flagged).Within(1e-4), manifest.Labels[l].Name);
        }
    }

    [TestCase("tfidf")]
    [TestCase("tf")]
    public void Train_OtherWeighting_WritesABundleThatLoadsAndScores(string weighting)
    {
        var recipe = Path.Combine(_work, $"{weighting}.recipe.json");
        File.WriteAllText(recipe, $$"""
            { "sources": [ { "path": {{JsonSerializer.Serialize(Fixture)}},
                "labels": { "hoax": "hoax", "hate_speech": "hate_speech", "abusive": "abusive", "sara": "sara" } } ],
              "trainer": { "weighting": "{{weighting}}" } }
            """);
        var output = Path.Combine(_work, weighting);

        var run = CliRun.Of("train", "--recipe", recipe, "--out", output);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var model = ModelBundleLoader.Load(output);
        Assert.That(model.Classifier.Featurizer.Settings.Weighting.ToString(), Is.EqualTo(weighting).IgnoreCase);
        Assert.That(model.ScoreBatch(["hoaks vaksin chip", "selamat pagi"]), Has.Count.EqualTo(2));
        Directory.Delete(output, recursive: true);
    }

    [Test]
    public void Train_TinyFixture_ManifestRecordsLabelsThresholdsAndSourceHash()
    {
        var manifest = ModelBundle.ReadManifest(_bundle);
        Assert.That(manifest.Labels.Select(l => l.Name), Is.EqualTo(new[] { "hoax", "hate_speech", "abusive", "sara" }));
        Assert.That(manifest.Labels.Select(l => l.Threshold), Is.All.InRange(0.01, 0.99));
        Assert.That(manifest.Sources, Has.Count.EqualTo(1));
        Assert.That(manifest.Sources[0].Rows, Is.EqualTo(60));
        Assert.That(manifest.Sources[0].Sha256, Is.EqualTo(FileHash.Sha256Of(Fixture)));
        Assert.That(manifest.Labels.Sum(l => l.Metrics.Rows), Is.GreaterThan(0));
    }

    [Test]
    public void Train_TinyFixture_PrintsMetricsTablePerLabel()
    {
        Assert.That(_run.Stdout, Does.Contain("precision").And.Contain("ROC AUC").And.Contain("positives"));
        foreach (var label in new[] { "hoax", "hate_speech", "abusive", "sara" })
        {
            Assert.That(_run.Stdout, Does.Contain(label));
        }

        Assert.That(_run.Stderr, Does.Contain("[train "), "progress goes to stderr");
    }

    [Test]
    public void Train_TinyFixture_ModelSeparatesObviousPosts()
    {
        var model = ModelBundleLoader.Load(_bundle);
        var verdicts = model.ScoreBatch([
            "SEBARKAN!! minum air garam bisa sembuhkan virus kata dokter, sebarkan",
            "selamat pagi, hari ini cerah, jangan lupa sarapan",
        ]);
        var hoax = model.Labels.ToList().IndexOf("hoax");
        Assert.That(verdicts[0].Labels[hoax].Score, Is.GreaterThan(verdicts[1].Labels[hoax].Score));
    }

    [Test]
    public void Train_SameDataTwice_GivesSameThresholdsAndMetrics()
    {
        var second = Path.Combine(_work, "second");
        var run = CliRun.Of("train", "--data", Fixture, "--out", second);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var a = ModelBundle.ReadManifest(_bundle).Labels;
        var b = ModelBundle.ReadManifest(second).Labels;
        Assert.That(JsonSerializer.Serialize(b), Is.EqualTo(JsonSerializer.Serialize(a)));
        Directory.Delete(second, recursive: true);
    }

    [Test]
    public void Train_MissingDataFile_FailsWithOneLineError()
    {
        var run = CliRun.Of("train", "--data", Path.Combine(_work, "nope.csv"), "--out", Path.Combine(_work, "x"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr.Trim(), Does.StartWith("error:").And.Contain("nope.csv").And.Not.Contain("\n"));
    }

    [Test]
    public void Train_LabelWithoutPositives_FailsAndWritesNoBundle()
    {
        var csv = Path.Combine(_work, "nopos.csv");
        File.WriteAllLines(csv, ["text,hoax,abusive", "satu,0,1", "dua,0,0", "tiga,0,1", "empat,0,0"]);
        var output = Path.Combine(_work, "nopos-bundle");
        var run = CliRun.Of("train", "--data", csv, "--out", output);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.Contain("'hoax'").And.Contain("0 positive"));
        Assert.That(output, Does.Not.Exist);
    }

    [Test]
    public void Train_RecipeWithUnknownMappingColumn_NamesTheColumn()
    {
        var recipe = Path.Combine(_work, "bad.recipe.json");
        File.WriteAllText(recipe, $$"""{ "sources": [ { "path": {{JsonSerializer.Serialize(Fixture)}}, "labels": { "sara": "HS_Religion|hoax" } } ] }""");
        var run = CliRun.Of("train", "--recipe", recipe, "--out", Path.Combine(_work, "y"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.Contain("HS_Religion").And.Contain("not found"));
    }

    [Test]
    public void Train_DataWithoutTextColumn_Fails()
    {
        var csv = Path.Combine(_work, "notext.csv");
        File.WriteAllLines(csv, ["body,hoax", "satu,1", "dua,0"]);
        var run = CliRun.Of("train", "--data", csv, "--out", Path.Combine(_work, "z"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.Contain("no text column"));
    }

    [Test]
    public void Run_UnknownCommand_ExitsTwoWithUsageError()
    {
        var run = CliRun.Of("trian", "--data", "x.csv");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.LastError, Does.Contain("unknown command 'trian'"));
    }

    [Test]
    public void Evaluate_BundleOnItsData_PrintsMetricsForEveryLabel()
    {
        var run = CliRun.Of("evaluate", "--model", _bundle, "--data", Fixture, "--split", "evaluation");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.Contain("hate_speech").And.Contain("F1"));
    }
}
