using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Tests.Shared;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// data/regression.csv is a fixed set of neutral and harmful posts the team wrote as a check on the shipped bundle; it
/// never feeds training or the choice of settings. Neutral posts of the kinds that fooled earlier models (election
/// news, "mohon sebarkan" notices, posts naming ethnic or religious groups with respect, holiday greetings) must stay
/// unflagged, and clearly harmful posts must be caught under the label they are written for.
/// </summary>
public class RegressionSetTests
{
    private static readonly Lazy<List<RegressionPost>> Posts = new(Read);
    private static readonly Lazy<ScoringModel> Shipped = new(() => ModelBundleLoader.Load(RepoPaths.DefaultModel));

    private sealed record RegressionPost(string Id, string Text, string Expect);

    [Test]
    public void RegressionSet_File_HasEnoughPostsOfEveryKind()
    {
        var byKind = Posts.Value.GroupBy(p => p.Expect).ToDictionary(g => g.Key, g => g.Count());

        Assert.That(byKind.GetValueOrDefault("neutral"), Is.GreaterThanOrEqualTo(40));
        foreach (var label in new[] { "hoax", "hate_speech", "abusive", "sara" })
        {
            Assert.That(byKind.GetValueOrDefault(label), Is.GreaterThanOrEqualTo(10), label);
        }

        Assert.That(byKind.Keys, Is.SubsetOf(new[] { "neutral", "hoax", "hate_speech", "abusive", "sara" }));
    }

    [Test]
    public void RegressionSet_NeverInTheTrainingCorpusNorParaphrasedFromIt()
    {
        // A shared run of six words is a paraphrase, not a coincidence: such a pair would let the model see the test.
        var corpus = CampaignCorpusTests.TrainingFiles.Prepend(Path.Combine(RepoPaths.DataFolder, "posts.csv"))
            .SelectMany(file => LabelledDataset.Load(TrainingRecipe.ForCanonicalFile(file)).Posts)
            .SelectMany(p => Shingles.Of(p.Text)).ToHashSet();

        var overlapping = Posts.Value.Where(p => Shingles.Of(p.Text).Any(corpus.Contains)).Select(p => p.Id).ToList();

        Assert.That(overlapping, Is.Empty);
    }


    [TestCase("hate_speech")]
    [TestCase("abusive")]
    [TestCase("sara")]
    public void ShippedBundle_NeutralPosts_AtMostOneIn40FlaggedByLabel(string label)
    {
        var flagged = NeutralFlaggedBy(label);

        Assert.That(flagged.Count, Is.LessThanOrEqualTo(Neutral.Count / 40), "flagged: " + string.Join("; ", flagged));
    }

    [Test]
    public void ShippedBundle_NeutralPosts_HoaxFlagsNoMoreThanTheMeasuredFour()
    {
        // The target is at most 1 in 40; the shipped hoax label, judged by style, flagged 3 or 4 of the 60 neutral posts
        // (election news and notices written like the corpus's hoaxes) until the true election posts of data/campaign;
        // it flags 1 now (README, Regression set). This bound keeps it from getting worse unnoticed.
        var flagged = NeutralFlaggedBy("hoax");

        Assert.That(flagged.Count, Is.LessThanOrEqualTo(4), "flagged: " + string.Join("; ", flagged));
    }

    [Test]
    public void ShippedBundle_HarmfulPosts_EveryOneFlaggedButTheMeasuredBorderlineOne()
    {
        // r-h-027 (striking workers called parasites) sits on the abusive threshold in every bundle so far: 0.465 against
        // 0.459 before the featuriser change, 0.468 against 0.473 after it, 0.420 against 0.421 with the election corpus
        // (README, Regression set). Any other miss fails.
        var harmful = Posts.Value.Where(p => p.Expect != "neutral").ToList();
        var verdicts = Shipped.Value.ScoreBatch([.. harmful.Select(p => p.Text)]);

        Assert.That(harmful.Zip(verdicts).Where(pair => !pair.Second.Flagged).Select(pair => pair.First.Id), Is.SubsetOf(new[] { "r-h-027" }));
    }

    [TestCase("hoax")]
    [TestCase("hate_speech")]
    [TestCase("abusive")]
    [TestCase("sara")]
    public void ShippedBundle_HarmfulPosts_CaughtUnderTheirOwnLabelAllButOneAtMost(string label)
    {
        var harmful = Posts.Value.Where(p => p.Expect == label).ToList();
        var verdicts = Shipped.Value.ScoreBatch([.. harmful.Select(p => p.Text)]);
        var missed = harmful.Zip(verdicts)
            .Where(pair => !pair.Second.Labels.Single(l => l.Label == label).Flagged)
            .Select(pair => $"{pair.First.Id} {pair.Second.Labels.Single(l => l.Label == label).Score:F2}")
            .ToList();

        Assert.That(missed.Count, Is.LessThanOrEqualTo(1), "missed: " + string.Join("; ", missed));
    }

    private static List<RegressionPost> Neutral => [.. Posts.Value.Where(p => p.Expect == "neutral")];

    private static List<string> NeutralFlaggedBy(string label)
    {
        var verdicts = Shipped.Value.ScoreBatch([.. Neutral.Select(p => p.Text)]);
        return [.. Neutral.Zip(verdicts)
            .Where(pair => pair.Second.Labels.Single(l => l.Label == label).Flagged)
            .Select(pair => $"{pair.First.Id} ({label} {pair.Second.Labels.Single(l => l.Label == label).Score:F2})")];
    }

    private static List<RegressionPost> Read()
    {
        var path = Path.Combine(RepoPaths.DataFolder, "regression.csv");
        using var reader = CsvRecordReader.Open(path);
        var header = reader.ReadRecord()!;
        int Column(string name) => Array.IndexOf(header, name);
        var (id, text, expect) = (Column("id"), Column("text"), Column("expect"));
        var posts = new List<RegressionPost>();
        while (reader.ReadRecord() is { } record)
        {
            posts.Add(new RegressionPost(record[id], record[text], record[expect]));
        }

        return posts;
    }
}
