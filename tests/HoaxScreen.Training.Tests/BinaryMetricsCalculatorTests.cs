using HoaxScreen.Core.Evaluation;

namespace HoaxScreen.Training.Tests;

public class BinaryMetricsCalculatorTests
{
    [Test]
    public void RocAuc_PerfectSeparation_IsOne()
    {
        var rows = new[] { (0.9f, true), (0.8f, true), (0.2f, false), (0.1f, false) };
        Assert.That(BinaryMetricsCalculator.RocAuc(rows), Is.EqualTo(1.0));
    }

    [Test]
    public void RocAuc_AllScoresTied_IsOneHalf()
    {
        var rows = new[] { (0.5f, true), (0.5f, false), (0.5f, true), (0.5f, false) };
        Assert.That(BinaryMetricsCalculator.RocAuc(rows), Is.EqualTo(0.5));
    }

    [Test]
    public void RocAuc_OneClassOnly_IsNaN()
    {
        Assert.That(BinaryMetricsCalculator.RocAuc([(0.3f, true), (0.7f, true)]), Is.NaN);
    }

    [Test]
    public void Compute_KnownConfusion_GivesPrecisionRecallF1()
    {
        // tp=2 (0.9, 0.7), fp=1 (0.6), fn=1 (0.2), tn=2
        var rows = new[] { (0.9f, true), (0.7f, true), (0.6f, false), (0.2f, true), (0.1f, false), (0.3f, false) };
        var metrics = BinaryMetricsCalculator.Compute(rows, 0.5);
        Assert.Multiple(() =>
        {
            Assert.That(metrics.Precision, Is.EqualTo(0.6667).Within(1e-4));
            Assert.That(metrics.Recall, Is.EqualTo(0.6667).Within(1e-4));
            Assert.That(metrics.F1, Is.EqualTo(0.6667).Within(1e-4));
            Assert.That(metrics.Positives, Is.EqualTo(3));
            Assert.That(metrics.Rows, Is.EqualTo(6));
            Assert.That(metrics.Accuracy, Is.EqualTo(0.6667).Within(1e-4));
        });
    }

    [Test]
    public void ChooseThreshold_SeparableScores_CutsBetweenClasses()
    {
        var rows = Enumerable.Range(0, 10).Select(i => (0.30f + i * 0.01f, true))
            .Concat(Enumerable.Range(0, 10).Select(i => (0.05f + i * 0.01f, false))).ToArray();
        var threshold = BinaryMetricsCalculator.ChooseThreshold(rows, fallback: 0.5);
        Assert.That(threshold, Is.GreaterThan(0.14).And.LessThan(0.30));
        Assert.That(BinaryMetricsCalculator.Compute(rows, threshold).F1, Is.EqualTo(1.0));
    }

    [Test]
    public void ChooseThreshold_TooFewPositives_ReturnsFallback()
    {
        var rows = new[] { (0.9f, true), (0.1f, false), (0.2f, false) };
        Assert.That(BinaryMetricsCalculator.ChooseThreshold(rows, fallback: 0.42), Is.EqualTo(0.42));
    }

    [Test]
    public void ChooseThreshold_MacroF1OnPositiveMajority_CutsHigherThanPositiveF1()
    {
        // 80% positives: 30 clear ones at 0.9, 10 at 0.35 below all 10 negatives at 0.4.
        var rows = Enumerable.Repeat((0.9f, true), 30).Concat(Enumerable.Repeat((0.35f, true), 10))
            .Concat(Enumerable.Repeat((0.4f, false), 10)).ToArray();
        var f1 = BinaryMetricsCalculator.ChooseThreshold(rows, fallback: 0.5);
        var macro = BinaryMetricsCalculator.ChooseThreshold(rows, fallback: 0.5, objective: ThresholdObjective.MacroF1);
        Assert.That(f1, Is.LessThan(0.35), "positive-class F1 is best flagging everything");
        Assert.That(macro, Is.InRange(0.4, 0.9), "macro F1 keeps the negatives apart");
    }

    [Test]
    public void ChooseThreshold_F05_KeepsPrecisionWhereF1TradesItForRecall()
    {
        // 10 clear positives at 0.9; then 10 more positives mixed with 10 negatives at 0.5. F1 takes the mixed band
        // (tp 20, fp 10: F1 0.8 against 0.667); F0.5 does not (0.714 with it against 0.833 without).
        var rows = Enumerable.Repeat((0.9f, true), 10).Concat(Enumerable.Repeat((0.5f, true), 10))
            .Concat(Enumerable.Repeat((0.5f, false), 10)).Concat(Enumerable.Repeat((0.1f, false), 20)).ToArray();

        var f1 = BinaryMetricsCalculator.ChooseThreshold(rows, fallback: 0.5);
        var f05 = BinaryMetricsCalculator.ChooseThreshold(rows, fallback: 0.5, objective: ThresholdObjective.F05);

        Assert.That(f1, Is.InRange(0.1, 0.5));
        Assert.That(f05, Is.InRange(0.5, 0.9));
        Assert.That(BinaryMetricsCalculator.Compute(rows, f05).Precision, Is.EqualTo(1.0));
    }

    [Test]
    public void LogLoss_ConfidentAndRight_IsLowerThanUnsure()
    {
        var confident = CalibrationMetrics.LogLoss([(0.95f, true), (0.05f, false)]);
        var unsure = CalibrationMetrics.LogLoss([(0.5f, true), (0.5f, false)]);
        Assert.That(unsure, Is.EqualTo(Math.Log(2)).Within(1e-9));
        Assert.That(confident, Is.LessThan(unsure));
    }
}
