using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Tests.Shared;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// Issue 25's false-alarm target, on data/campaign/neutral-election.csv: 300 neutral election posts (news, KPU and
/// Bawaslu information, everyday "pilih") that no recipe trains on. The shipped bundle flags at most 3 % of them, by any
/// label; README's election section gives the measured figure (8 of 300).
/// </summary>
public class NeutralElectionSetTests
{
    private static readonly Lazy<ScoringModel> Shipped = new(() => ModelBundleLoader.Load(RepoPaths.DefaultModel));

    [Test]
    public void ShippedBundle_NeutralElectionPosts_AtMostThreePercentFlagged()
    {
        var posts = LabelledDataset.Load(TrainingRecipe.ForCanonicalFile(Path.Combine(RepoPaths.DataFolder, "campaign", "neutral-election.csv"))).Posts;
        var verdicts = Shipped.Value.ScoreBatch([.. posts.Select(p => p.Text)]);

        var flagged = posts.Zip(verdicts).Where(pair => pair.Second.Flagged)
            .Select(pair => string.Join(",", pair.Second.Labels.Where(l => l.Flagged).Select(l => $"{l.Label} {l.Score:F2}")))
            .ToList();

        Assert.That(posts, Has.Count.GreaterThanOrEqualTo(300));
        Assert.That(flagged.Count, Is.LessThanOrEqualTo(posts.Count * 3 / 100), "flagged: " + string.Join("; ", flagged));
    }
}
