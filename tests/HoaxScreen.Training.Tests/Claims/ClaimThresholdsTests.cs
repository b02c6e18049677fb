using HoaxScreen.Training.Claims;

namespace HoaxScreen.Training.Tests.Claims;

/// <summary>How the tiers' thresholds are bounded and how training posts are put into folds.</summary>
public class ClaimThresholdsTests
{
    [Test]
    public void ThresholdAbove_TwoPercentOfAHundred_LetsAtMostTwoReachIt()
    {
        var probabilities = Enumerable.Range(1, 100).Select(i => i / 100.0).ToList();

        var threshold = ClaimDecisions.ThresholdAbove(probabilities, 0.02);

        Assert.That(probabilities.Count(p => p >= threshold), Is.EqualTo(2));
    }

    [Test]
    public void ThresholdAbove_TiesAtTheBound_KeepsTheTieBelowIt()
    {
        double[] probabilities = [0.9, 0.9, 0.9, 0.1, 0.1];

        var threshold = ClaimDecisions.ThresholdAbove(probabilities, 0.4);

        Assert.That(probabilities.Count(p => p >= threshold), Is.Zero);
    }

    [Test]
    public void ThresholdAbove_FewerNonZeroThanAllowed_PutsNoBound()
    {
        Assert.That(ClaimDecisions.ThresholdAbove([0, 0, 0, 0.5], 0.5), Is.Zero);
    }

    [Test]
    public void FoldOf_PostsOfOneClaim_ShareAFold()
    {
        var folds = Enumerable.Range(0, 50).Select(i => ClaimMatcherTraining.FoldOf("tc-0042", i, 5)).Distinct();

        Assert.That(folds.Count(), Is.EqualTo(1));
    }

    [Test]
    public void FoldOf_ManyClaims_UsesEveryFold()
    {
        var folds = Enumerable.Range(1, 500).Select(i => ClaimMatcherTraining.FoldOf($"tc-{i:D4}", 0, 5)).ToList();

        Assert.That(Enumerable.Range(0, 5).Select(f => folds.Count(x => x == f)), Has.All.GreaterThan(60));
    }

    [Test]
    public void At_ShortPostsUndecided_CountAsMissesOfRecall()
    {
        PostDecision[] decisions = [new(0.99f, true, true), new(0f, false, true)];

        var (precision, recall, decided) = ClaimDecisions.At(decisions, 0.5);

        Assert.That((precision, recall, decided), Is.EqualTo((1.0, 0.5, 1)));
    }
}
