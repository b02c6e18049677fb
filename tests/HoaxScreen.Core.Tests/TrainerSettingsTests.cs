using HoaxScreen.Core.Data;

namespace HoaxScreen.Core.Tests;

public class TrainerSettingsTests
{
    [Test]
    public void Problems_Defaults_None()
    {
        Assert.That(TrainerSettings.Default.Problems(), Is.Empty);
        Assert.That(TrainerSettings.Default.Weighting, Is.EqualTo("idf"), "chosen on the public dev split (bench/results/quality.md)");
    }

    [TestCase("tf")]
    [TestCase("tfidf")]
    [TestCase("idf")]
    public void Problems_KnownWeighting_None(string weighting) =>
        Assert.That((TrainerSettings.Default with { Weighting = weighting }).Problems(), Is.Empty);

    private static IEnumerable<TestCaseData> BadSettings()
    {
        yield return new TestCaseData(TrainerSettings.Default with { Algorithm = "svm" }, "trainer.algorithm");
        yield return new TestCaseData(TrainerSettings.Default with { Weighting = "bm25" }, "trainer.weighting");
        yield return new TestCaseData(TrainerSettings.Default with { WordNgramLength = 0 }, "trainer.wordNgramLength");
        yield return new TestCaseData(TrainerSettings.Default with { CharNgramLength = 7 }, "trainer.charNgramLength");
        yield return new TestCaseData(TrainerSettings.Default with { DefaultThreshold = 1 }, "trainer.defaultThreshold");
        yield return new TestCaseData(TrainerSettings.Default with { MinNgramDocuments = 0 }, "trainer.minNgramDocuments");
        yield return new TestCaseData(TrainerSettings.Default with { L2Candidates = [] }, "trainer.l2Candidates");
        yield return new TestCaseData(TrainerSettings.Default with { L2Regularization = -1 }, "trainer.l2Regularization");
        yield return new TestCaseData(TrainerSettings.Default with { ConvergenceTolerance = 0 }, "trainer.convergenceTolerance");
        yield return new TestCaseData(TrainerSettings.Default with { MaximumIterations = 0 }, "trainer.maximumIterations");
        yield return new TestCaseData(
            TrainerSettings.Default with { ThresholdObjectives = new Dictionary<string, string> { ["hoax"] = "accuracy" } },
            "trainer.thresholdObjectives.hoax");
    }

    [TestCaseSource(nameof(BadSettings))]
    public void Problems_BadSetting_NamesIt(TrainerSettings settings, string name) =>
        Assert.That(settings.Problems().ToList(), Has.Count.EqualTo(1).And.Some.StartsWith(name));
}
