using HoaxScreen.Core.Modeling;
using HoaxScreen.Training.Data;
using HoaxScreen.Training.Evaluation;

namespace HoaxScreen.Training.Tests;

/// <summary>k-fold cross-validation on the tiny fixture: deterministic folds, every row scored once, per-label spreads.</summary>
public class CrossValidateCommandTests
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny.csv");

    private string _work = null!;

    [OneTimeSetUp]
    public void CreateWork() => _work = Directory.CreateTempSubdirectory("hoaxscreen-cv-").FullName;

    [OneTimeTearDown]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    [Test]
    public void FoldOf_SameText_SameFoldWithinRange()
    {
        var folds = Enumerable.Range(0, 200).Select(i => CrossValidator.FoldOf($"post number {i}", 5)).ToList();

        Assert.That(folds, Has.All.InRange(0, 4));
        Assert.That(folds.Distinct().Count(), Is.EqualTo(5), "200 texts reach every fold");
        Assert.That(CrossValidator.FoldOf("post number 7", 5), Is.EqualTo(folds[7]));
    }

    [Test]
    public void Run_TinyFixture_SummarisesEveryLabelWithMeanAndSpread()
    {
        var recipe = TrainingRecipe.ForCanonicalFile(Fixture);
        var dataset = LabelledDataset.Load(recipe);

        var summary = new CrossValidator(_ => { }).Run(recipe, dataset, 3);

        Assert.That(summary.Folds, Is.EqualTo(3));
        Assert.That(summary.Labels.Select(l => l.Label), Is.EqualTo(dataset.Labels));
        foreach (var label in summary.Labels)
        {
            Assert.That(label.Rows, Is.EqualTo(dataset.Posts.Count(p => p.Labels[dataset.LabelIndex(label.Label)] is not null)));
            Assert.That(label.F1.Mean, Is.InRange(0.0, 1.0), label.Label);
            Assert.That(label.F1.Spread, Is.GreaterThanOrEqualTo(0.0), label.Label);
        }

        var clean = dataset.Posts.Count(p => p.Labels.All(v => v is false));
        Assert.That(summary.CleanFlagRates.Where(r => r.Label == "hoax").Sum(r => r.CleanPosts), Is.EqualTo(clean));
        Assert.That(summary.CleanFlagRates, Has.All.Matches<CleanFlagRate>(r => r.Flagged <= r.CleanPosts));
    }

    [Test]
    public void Run_SameDataTwice_GivesSameFigures()
    {
        var recipe = TrainingRecipe.ForCanonicalFile(Fixture);
        var dataset = LabelledDataset.Load(recipe);

        var first = new CrossValidator(_ => { }).Run(recipe, dataset, 3);
        var second = new CrossValidator(_ => { }).Run(recipe, dataset, 3);

        Assert.That(second.Labels.Select(l => l.F1), Is.EqualTo(first.Labels.Select(l => l.F1)));
        Assert.That(second.CleanFlagRates, Is.EqualTo(first.CleanFlagRates));
    }

    [Test]
    public void CrossValidate_TinyFixture_PrintsMarkdownAndWritesReport()
    {
        var report = Path.Combine(_work, "cv.md");

        var run = CliRun.Of("crossvalidate", "--data", Fixture, "--folds", "3", "--out", report);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.Contain("3-fold cross-validation").And.Contain("| **hoax** | all |").And.Contain(" ± "));
        Assert.That(File.ReadAllText(report), Is.EqualTo(run.Stdout));
    }

    [Test]
    public void CrossValidate_OneFold_FailsWithUsageError()
    {
        var run = CliRun.Of("crossvalidate", "--data", Fixture, "--folds", "1");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.LastError, Does.StartWith("error:").And.Contain("--folds"));
    }

    [Test]
    public void CrossValidate_MissingOutputFolder_FailsWithOneLine()
    {
        var run = CliRun.Of("crossvalidate", "--data", Fixture, "--folds", "3", "--out", Path.Combine(_work, "missing", "cv.md"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.Contain("does not exist"));
    }

    [Test]
    public void Train_WithFolds_StoresCrossValidationLicenceAndCardInBundle()
    {
        File.Copy(Fixture, Path.Combine(_work, "posts.csv"), overwrite: true);
        File.WriteAllText(Path.Combine(_work, "LICENSE-test.md"), "# test licence\n");
        var recipePath = Path.Combine(_work, "carded.recipe.json");
        File.WriteAllText(recipePath, """
            { "sources": [ { "path": "posts.csv" } ], "license": "CC-BY-4.0", "licenseFile": "LICENSE-test.md",
              "card": { "summary": "a test model", "limitations": [ "tiny" ] } }
            """);
        var bundle = Path.Combine(_work, "carded");

        var run = CliRun.Of("train", "--recipe", recipePath, "--out", bundle, "--folds", "3");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var manifest = ModelBundle.ReadManifest(bundle);
        Assert.That(manifest.CrossValidation?.Folds, Is.EqualTo(3));
        Assert.That(manifest.CrossValidation!.FoldRule, Does.Contain("outside the evaluation split"));
        Assert.That(manifest.CrossValidation.Labels[0].Rows, Is.LessThan(60), "the evaluation split stays out of the folds");
        Assert.That(manifest.Labels.Select(l => l.ThresholdChosenOn), Has.All.Contains("out-of-fold"));
        Assert.That(manifest.License, Is.EqualTo("CC-BY-4.0"));
        Assert.That(manifest.Card?.Limitations, Is.EqualTo(new[] { "tiny" }));
        Assert.That(File.ReadAllText(Path.Combine(bundle, ModelBundle.LicenseFile)), Does.Contain("test licence"));
        Assert.That(File.ReadAllText(Path.Combine(bundle, ModelBundle.ReportFile)), Does.Contain("## Cross-validation"));
    }
}
