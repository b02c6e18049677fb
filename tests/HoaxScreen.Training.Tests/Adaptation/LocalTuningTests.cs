using HoaxScreen.Core.Adaptation;
using HoaxScreen.Core.Evaluation;

namespace HoaxScreen.Training.Tests.Adaptation;

/// <summary>
/// The variations of <c>local</c> the adapt benchmark measures (bench/results/adapt.md, "Tried"), on hand-made feature
/// rows: a per-feature penalty, class weights, and re-choosing the threshold only when the cross-validated gain is clear.
/// </summary>
public class LocalTuningTests
{
    private const int Label = 0;

    /// <summary>Positives hold slots 0 and 1, negatives slot 2; the base's logit is 0 for every row.</summary>
    private static (SparseRow[] Rows, bool[] Truths) TwoSlotsMarkPositives(int count)
    {
        var rows = Enumerable.Range(0, count).Select(i => i % 2 == 0
            ? new SparseRow([0, 1], [1f, 1f], [0.0])
            : new SparseRow([2], [1f], [0.0])).ToArray();
        return (rows, [.. Enumerable.Range(0, count).Select(i => i % 2 == 0)]);
    }

    [Test]
    public void Fit_HigherPenaltyOnOneSlot_ThatSlotMovesLessThanItsTwin()
    {
        var (rows, truths) = TwoSlotsMarkPositives(40);

        var fit = ResidualSolver.Fit(rows, truths, Label, l2: 1, fixAlpha: true, fixBeta: true, slotPenalty: slot => slot == 1 ? 10 : 1);

        Assert.That(fit.Correction[1], Is.GreaterThan(0));
        Assert.That(fit.Correction[1], Is.LessThan(fit.Correction[0] / 2));
    }

    [Test]
    public void Fit_NoSlotPenalty_TwinSlotsMoveAlike()
    {
        var (rows, truths) = TwoSlotsMarkPositives(40);

        var fit = ResidualSolver.Fit(rows, truths, Label, l2: 1, fixAlpha: true, fixBeta: true);

        Assert.That(fit.Correction[1], Is.EqualTo(fit.Correction[0]).Within(1e-6));
    }

    [Test]
    public void Fit_PositivesWeightedUp_AmbiguousSlotLeansPositive()
    {
        // Slot 0 is in 10 positives and 30 negatives: unweighted it marks negatives, weighted 3:1 it is even.
        var rows = Enumerable.Range(0, 40).Select(_ => new SparseRow([0], [1f], [0.0])).ToArray();
        bool[] truths = [.. Enumerable.Range(0, 40).Select(i => i < 10)];

        var plain = ResidualSolver.Fit(rows, truths, Label, l2: 0.1, fixAlpha: true, fixBeta: true);
        var weighted = ResidualSolver.Fit(rows, truths, Label, l2: 0.1, fixAlpha: true, fixBeta: true, positiveWeight: 3);

        Assert.That(plain.Correction[0], Is.LessThan(-0.5));
        Assert.That(weighted.Correction.GetValueOrDefault(0), Is.EqualTo(0).Within(0.05));
    }

    /// <summary>Positives score 0.6–0.8 and negatives 0.1–0.3, spread over five folds.</summary>
    private static (float[] Scores, bool[] Truths, int[] Folds) SeparatedScores()
    {
        var scores = Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? 0.6f + 0.2f * i / 100 : 0.1f + 0.2f * i / 100).ToArray();
        return (scores, [.. Enumerable.Range(0, 100).Select(i => i % 2 == 0)], [.. Enumerable.Range(0, 100).Select(i => i / 2 % LabelAdapter.Folds)]);
    }

    [Test]
    public void ThresholdGainIsClear_BaseThresholdAboveEveryScore_True()
    {
        var (scores, truths, folds) = SeparatedScores();

        Assert.That(LabelAdapter.ThresholdGainIsClear(scores, truths, folds, baseThreshold: 0.9, ThresholdObjective.F1), Is.True);
    }

    [Test]
    public void ThresholdGainIsClear_BaseThresholdAlreadySeparates_False()
    {
        var (scores, truths, folds) = SeparatedScores();

        Assert.That(LabelAdapter.ThresholdGainIsClear(scores, truths, folds, baseThreshold: 0.45, ThresholdObjective.F1), Is.False);
    }

    /// <summary>Rows with no features (v cannot move them) whose base logits separate the classes, and a base threshold above them all.</summary>
    private static LabelAdaptation AdaptFeaturelessRows(LocalTuning tuning)
    {
        var (scores, truths, folds) = SeparatedScores();
        var rows = scores.Select(s => new SparseRow([], [], [Math.Log(s / (1.0 - s))])).ToArray();
        return LabelAdapter.Adapt("hoax", Label, rows, truths, folds, baseThreshold: 0.9, ThresholdObjective.F1, AdaptationMethod.Local, tuning);
    }

    [Test]
    public void Adapt_LocalAsShipped_KeepsTheBaseThreshold()
    {
        Assert.That(AdaptFeaturelessRows(LocalTuning.None).Threshold, Is.EqualTo(0.9));
    }

    [Test]
    public void Adapt_LocalRethresholdWhenClear_BaseThresholdAboveEveryScore_ChoosesOneBetweenTheClasses()
    {
        Assert.That(AdaptFeaturelessRows(new LocalTuning(RethresholdWhenClear: true)).Threshold, Is.InRange(0.3, 0.6));
    }

    [Test]
    public void Adapt_LocalChooseL2ByF1_PicksFromTheWideGrid()
    {
        var (rows, truths) = TwoSlotsMarkPositives(100);
        int[] folds = [.. Enumerable.Range(0, 100).Select(i => i / 2 % LabelAdapter.Folds)];

        var adapted = LabelAdapter.Adapt("hoax", Label, rows, truths, folds, 0.5, ThresholdObjective.F1, AdaptationMethod.Local, new LocalTuning(ChooseL2ByF1: true));

        // Every λ separates these rows at 0.5 (F1 = 1): ties go to the largest, the smallest change.
        Assert.That(adapted.L2, Is.EqualTo(LabelAdapter.WideL2Candidates[^1]));
    }
}
