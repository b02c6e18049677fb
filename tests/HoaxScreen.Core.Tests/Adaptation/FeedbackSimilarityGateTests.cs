using HoaxScreen.Core.Adaptation;

namespace HoaxScreen.Core.Tests.Adaptation;

/// <summary>The share of the correction a post gets by its largest cosine similarity to a feedback post.</summary>
public class FeedbackSimilarityGateTests
{
    private const int BaseSlots = 20;

    private static SparseRow Row(int[] slots, float[] values) => new(slots, values, [0.0]);

    /// <summary>Ten feedback posts, each slot pair twice (in different folds), so every post's own similarity is 1.</summary>
    private static FeedbackSimilarityGate PairedFeedback()
    {
        var rows = Enumerable.Range(0, 10).Select(i => Row([i / 2 * 2, i / 2 * 2 + 1], [0.6f, 0.8f])).ToArray();
        return FeedbackSimilarityGate.Fit(rows, [.. Enumerable.Range(0, 10).Select(i => i % 5)], BaseSlots);
    }

    [Test]
    public void Fit_EveryPostHasATwinInAnotherFold_FullAtOne()
    {
        Assert.That(PairedFeedback().Full, Is.EqualTo(1).Within(1e-9));
    }

    [Test]
    public void Weight_PostLikeAFeedbackPost_WholeCorrection()
    {
        Assert.That(PairedFeedback().Weight(Row([0, 1], [3f, 4f])), Is.EqualTo(1).Within(1e-9));
    }

    [Test]
    public void Weight_PostSharingNoFeature_NoCorrection()
    {
        Assert.That(PairedFeedback().Weight(Row([12], [1f])), Is.EqualTo(0));
    }

    [Test]
    public void Weight_SimilarityHalfwayFromHalfToFull_HalfTheCorrection()
    {
        // A unit vector at cosine 0.75 to (0.6, 0.8): halfway between half of Full (0.5) and Full (1).
        var angle = Math.Acos(0.6) - Math.Acos(0.75);
        var post = Row([0, 1], [(float)Math.Cos(angle), (float)Math.Sin(angle)]);

        Assert.That(PairedFeedback().Weight(post), Is.EqualTo(0.5).Within(1e-4));
    }

    [Test]
    public void Similarity_SlotsBeyondTheBase_Ignored()
    {
        var gate = PairedFeedback();

        var withCommunitySlot = gate.Similarity(Row([0, 1, BaseSlots + 3], [0.6f, 0.8f, 5f]), _ => true);

        Assert.That(withCommunitySlot, Is.EqualTo(1).Within(1e-6));
    }
}
