using System.Text;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Core.Tests.Explanations;

/// <summary>
/// What an explanation may spend: at most the passes its budget allows, the strongest words when not all fit, and it
/// stops at the next pass once cancelled. A 10 KB post of expanding slang used to cost ~200 passes of 114k characters.
/// </summary>
public class ExplanationBudgetTests
{
    private static readonly Dictionary<string, double> Weights = new(StringComparer.Ordinal)
    {
        ["anjing"] = 1.5,
        ["bangsat"] = 1.0,
        ["kafir"] = 2.0,
    };

    // 300 distinct neutral words (kataa, katab, ...) with three abusive ones far past the first 200.
    private static string LongPost()
    {
        var words = Enumerable.Range(0, 300).Select(i => "kata" + (char)('a' + (i / 26 % 26)) + (char)('a' + (i % 26))).ToList();
        words.Insert(250, "anjing");
        words.Insert(270, "kafir");
        words.Insert(290, "bangsat");
        return string.Join(' ', words);
    }

    [Test]
    public void Explain_MoreWordsThanPassesAllowed_OccludesAtMostThatManyAndFindsTheStrongest()
    {
        var scorer = new AdditiveScorer(Weights);
        var post = LongPost();
        var budget = (303L * PostExplainer.SoloPassCharacters) + (10L * AdditiveScorer.Analyze(post).Text.Length);

        var words = scorer.Explain(post, topWords: 5, budgetCharacters: budget);

        var occluded = scorer.Rescored.Count(t => t.Contains(' ', StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(occluded, Is.LessThanOrEqualTo(10), "full-text passes");
            Assert.That(words.Select(w => w.Text), Is.EqualTo(new[] { "kafir", "anjing", "bangsat" }), "the strongest words, though they come late");
            Assert.That(words.Select(w => w.Weight), Is.EqualTo(new[] { 2.0, 1.5, 1.0 }), "weights are still measured by occlusion");
        });
    }

    [Test]
    public void Explain_FewWords_NoFirstPassAndEveryWordOccluded()
    {
        var scorer = new AdditiveScorer(Weights);

        scorer.Explain("dasar anjing kafir lu", budgetCharacters: 10 * "dasar anjing kafir lu".Length);

        Assert.That(scorer.Passes, Is.EqualTo(4), "one pass per distinct word, none alone");
    }

    [Test]
    public void Explain_CancelledAfterThreePasses_StopsAtTheNextPass()
    {
        using var cancellation = new CancellationTokenSource();
        var scorer = new AdditiveScorer(Weights) { OnRescore = passes => { if (passes == 3) cancellation.Cancel(); } };

        Assert.Throws<OperationCanceledException>(() => scorer.Explain("satu dua tiga empat lima enam tujuh", cancellationToken: cancellation.Token));
        Assert.That(scorer.Passes, Is.EqualTo(3));
    }

    [Test]
    public void PassesWithin_LongTextSmallBudget_FewerPassesThanMaxWords()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PostExplainer.PassesWithin(300_000, 280), Is.EqualTo(PostExplainer.MaxWords));
            Assert.That(PostExplainer.PassesWithin(300_000, 30_000), Is.EqualTo(10));
            Assert.That(PostExplainer.PassesWithin(300_000, 30_000, soloWords: 1_000), Is.EqualTo(6), "the first pass is paid for");
            Assert.That(PostExplainer.PassesWithin(new ScoringBudget(30_000, 300_000).SharedBy(4).ExplainCharacters, 30_000), Is.EqualTo(2));
            Assert.That(PostExplainer.PassesWithin(1_000, 30_000), Is.Zero);
        });
    }

    [Test]
    public void Explain_BudgetTooSmallForTheFirstPass_OccludesTheFirstWordsThatFitWithoutIt()
    {
        var scorer = new AdditiveScorer(Weights);
        const string post = "anjing satu dua tiga empat lima enam tujuh delapan kafir";

        var words = scorer.Explain(post, budgetCharacters: 2L * post.Length);

        Assert.Multiple(() =>
        {
            Assert.That(scorer.Passes, Is.EqualTo(2), "two passes, no word scored alone");
            Assert.That(words.Select(w => w.Text), Is.EqualTo(new[] { "anjing" }));
        });
    }

    [Test]
    public void Explain_BudgetTooSmallForOnePass_NoWordsAndNoPasses()
    {
        var scorer = new AdditiveScorer(Weights);

        var words = scorer.Explain("dasar anjing kafir lu", budgetCharacters: 5);

        Assert.Multiple(() =>
        {
            Assert.That(words, Is.Empty);
            Assert.That(scorer.Passes, Is.Zero);
        });
    }

    [Test]
    public void Explain_DefaultModelTextOverTheNormalizedLimit_ThrowsBudgetException()
    {
        var model = ModelBundleLoader.Load(RepoPaths.DefaultModel);
        var expanding = new StringBuilder();
        while (expanding.Length < 2_000)
        {
            expanding.Append("mpr2 apbn2 nkri2 ");
        }

        var budget = new ScoringBudget(MaxNormalizedLength: 5_000, ExplainCharacters: 1_000_000);
        Assert.Multiple(() =>
        {
            var explain = Assert.Throws<ScoringBudgetException>(() => model.Explain(expanding.ToString(), _ => true, 5, budget));
            Assert.That(explain!.NormalizedLength, Is.GreaterThan(5_000));
            Assert.That(explain.Limit, Is.EqualTo(5_000));
            Assert.Throws<ScoringBudgetException>(() => model.Score(expanding.ToString(), budget: budget));
            var batch = Assert.Throws<ScoringBudgetException>(() => model.ScoreBatch(["halo", "selamat pagi", expanding.ToString()], budget));
            Assert.That(batch!.Index, Is.EqualTo(2), "the batch names the post");
        });
    }

    [Test]
    public void ScoreBatch_CancelledToken_Throws()
    {
        var model = ModelBundleLoader.Load(RepoPaths.DefaultModel);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => model.ScoreBatch(["halo"], cancellationToken: cancelled.Token));
        Assert.That(
            () => model.ScoreBatch([.. Enumerable.Repeat("halo semua", 300)], cancellationToken: cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>(),
            "the parallel path too");
    }
}
