using HoaxScreen.Tests.Shared;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// data/campaign: the team-written corpus of the <c>campaign</c> label (issue 25) and its separate neutral election set.
/// The corpus must be big enough, balanced, fully labelled and consistent; the neutral set must stay outside it (no
/// shared run of six words with any training row), so the "at most 3% flagged" figure measures posts the model never saw.
/// </summary>
public class CampaignCorpusTests
{
    private static readonly string[] Labels = ["hoax", "hate_speech", "abusive", "sara", "campaign"];

    private static string Folder => Path.Combine(RepoPaths.DataFolder, "campaign");

    private const string NeutralFile = "neutral-election.csv";

    /// <summary>Every training file of the folder: campaign-*.csv, election-hoax-*.csv, election-true-*.csv.</summary>
    public static IEnumerable<string> TrainingFiles =>
        Directory.GetFiles(Folder, "*.csv").Where(f => Path.GetFileName(f) != NeutralFile).Order(StringComparer.Ordinal);

    private static readonly Lazy<LabelledDataset> Corpus = new(() => Load(TrainingFiles));

    private static readonly Lazy<LabelledDataset> Neutral = new(() => Load([Path.Combine(Folder, NeutralFile)]));

    private static LabelledDataset Load(IEnumerable<string> files) =>
        LabelledDataset.Load(new TrainingRecipe
        {
            Sources = [.. files.Select(f => new SourceMapping { Path = f })],
        });

    [Test]
    public void Recipes_BothBundles_TrainOnEveryCorpusFileAndNeverOnTheNeutralSet()
    {
        foreach (var recipe in new[] { "production.recipe.json", "team.recipe.json" })
        {
            var loaded = TrainingRecipe.Load(Path.Combine(RepoPaths.DataFolder, recipe));
            var sources = loaded.Sources.Select(s => loaded.Resolve(s.Path)).ToList();

            Assert.That(TrainingFiles.Select(Path.GetFullPath), Is.SubsetOf(sources), recipe);
            Assert.That(sources, Does.Not.Contain(Path.GetFullPath(Path.Combine(Folder, NeutralFile))), recipe);
        }
    }

    [Test]
    public void Corpus_EveryFile_HasEveryLabelKnownOnEveryRow()
    {
        Assert.That(Corpus.Value.Labels, Is.EquivalentTo(Labels));
        Assert.That(Corpus.Value.Posts.Where(p => p.Labels.Any(l => l is null)).Select(p => p.Text), Is.Empty);
    }

    [Test]
    public void Corpus_Size_AtLeast1500WithBothSidesOfTheLabelWellRepresented()
    {
        var campaign = Corpus.Value.Labels.ToList().IndexOf("campaign");
        var positives = Corpus.Value.Posts.Count(p => p.Labels[campaign] is true);

        Assert.That(Corpus.Value.Posts, Has.Count.GreaterThanOrEqualTo(1_500));
        Assert.That(positives, Is.InRange(Corpus.Value.Posts.Count / 3, Corpus.Value.Posts.Count * 2 / 3));
    }

    [Test]
    public void Corpus_Texts_UniqueAcrossFilesIgnoringCase()
    {
        var duplicates = Corpus.Value.Posts.GroupBy(p => p.Text.Trim().ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.That(duplicates, Is.Empty);
    }

    [Test]
    public void Corpus_SaraRows_AreAlsoHateSpeech()
    {
        var labels = Corpus.Value.Labels.ToList();
        var (sara, hate) = (labels.IndexOf("sara"), labels.IndexOf("hate_speech"));

        Assert.That(Corpus.Value.Posts.Where(p => p.Labels[sara] is true && p.Labels[hate] is not true).Select(p => p.Text), Is.Empty);
    }

    [Test]
    public void NeutralSet_EveryRow_IsCleanForEveryLabel()
    {
        Assert.That(Neutral.Value.Posts, Has.Count.GreaterThanOrEqualTo(300));
        Assert.That(Neutral.Value.Posts.Where(p => p.Labels.Any(l => l is not false)).Select(p => p.Text), Is.Empty);
    }

    [Test]
    public void NeutralSet_NeverInTheTrainingDataNorParaphrasedFromIt()
    {
        var training = Corpus.Value.Posts.Select(p => p.Text)
            .Concat(LabelledDataset.Load(TrainingRecipe.ForCanonicalFile(Path.Combine(RepoPaths.DataFolder, "posts.csv"))).Posts.Select(p => p.Text))
            .SelectMany(Shingles.Of)
            .ToHashSet();

        var overlapping = Neutral.Value.Posts.Where(p => Shingles.Of(p.Text).Any(training.Contains)).Select(p => p.Text).ToList();

        Assert.That(overlapping, Is.Empty);
    }

}
