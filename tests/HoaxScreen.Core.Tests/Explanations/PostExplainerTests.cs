using HoaxScreen.Core.Scoring;

namespace HoaxScreen.Core.Tests.Explanations;

/// <summary>
/// <see cref="PostExplainer"/> against <see cref="AdditiveScorer"/>, whose weights are known: merged occurrences, their
/// spans, the filler rule end to end, and how many times a post is re-scored.
/// </summary>
public class PostExplainerTests
{
    private static readonly Dictionary<string, double> Weights = new(StringComparer.Ordinal)
    {
        ["anjing"] = 1.5,
        ["bangsat"] = 1.0,
        ["yang"] = 0.5,
        ["lo"] = 0.25,
    };

    [Test]
    public void Explain_RepeatedWord_OneEntryWithEverySpanInOrder()
    {
        const string text = "anjing lo, dasar anjing! ANJING";

        var words = new AdditiveScorer(Weights).Explain(text);

        var anjing = words.Single(w => w.Text == "anjing");
        Assert.Multiple(() =>
        {
            Assert.That(anjing.Spans, Is.EqualTo(new[] { new WordSpan(0, 6), new WordSpan(17, 6), new WordSpan(25, 6) }));
            Assert.That(anjing.Count, Is.EqualTo(3));
            Assert.That((anjing.Start, anjing.Length), Is.EqualTo((0, 6)), "start/length are the first occurrence");
            Assert.That(anjing.Spans.Select(s => text.Substring(s.Start, s.Length)), Is.EqualTo(new[] { "anjing", "anjing", "ANJING" }));
        });
    }

    [Test]
    public void Explain_RepeatedWord_WeightIsTheFallWithEveryOccurrenceLeftOut()
    {
        var words = new AdditiveScorer(Weights).Explain("anjing anjing bangsat anjing");

        Assert.That(words.Select(w => (w.Text, w.Weight)), Is.EqualTo(new[] { ("anjing", 4.5), ("bangsat", 1.0) }));
    }

    [Test]
    public void Explain_ManyRepeats_NeverListsAWordTwice()
    {
        var text = string.Join(' ', Enumerable.Repeat("anjing bangsat", 30));

        var words = new AdditiveScorer(Weights).Explain(text, topWords: 20);

        Assert.Multiple(() =>
        {
            Assert.That(words.Select(w => w.Text), Is.EqualTo(new[] { "anjing", "bangsat" }));
            Assert.That(words.Select(w => w.Count), Is.EqualTo(new[] { 30, 30 }));
        });
    }

    [Test]
    public void Explain_RepeatedWord_SpansNeverOverlapAndMapToTheOriginal()
    {
        const string text = "🙏 anjing bangsat,anjing  ANJING🙏bangsat";

        var words = new AdditiveScorer(Weights).Explain(text);
        var spans = words.SelectMany(w => w.Spans).OrderBy(s => s.Start).ToList();

        Assert.Multiple(() =>
        {
            for (var i = 1; i < spans.Count; i++)
            {
                Assert.That(spans[i].Start, Is.GreaterThanOrEqualTo(spans[i - 1].Start + spans[i - 1].Length), "spans overlap");
            }

            foreach (var word in words)
            {
                Assert.That(word.Spans.Select(s => text.Substring(s.Start, s.Length).ToLowerInvariant()), Has.All.EqualTo(word.Text.ToLowerInvariant()));
            }
        });
    }

    [Test]
    public void Explain_FunctionWordWithSmallWeight_IsNotListed()
    {
        // yang occurs four times: weight 2.0, more than anjing's 1.5 but short of 1.5 × 1.5.
        var words = new AdditiveScorer(Weights).Explain("yang anjing yang bangsat yang yang");

        Assert.That(words.Select(w => w.Text), Is.EqualTo(new[] { "anjing", "bangsat" }));
    }

    [Test]
    public void Explain_FunctionWordThatDominates_IsListedFirst()
    {
        var words = new AdditiveScorer(new Dictionary<string, double> { ["yang"] = 2.0, ["bangsat"] = 1.0 }).Explain("bangsat yang");

        Assert.That(words.Select(w => (w.Text, w.Weight)), Is.EqualTo(new[] { ("yang", 2.0), ("bangsat", 1.0) }));
    }

    [Test]
    public void Explain_OnlyFunctionWordsRaiseTheLabel_TheyAreListed()
    {
        var words = new AdditiveScorer(Weights).Explain("lo yang gitu deh");

        Assert.That(words.Select(w => w.Text), Is.EqualTo(new[] { "yang", "lo" }));
    }

    [Test]
    public void Explain_WordsThatLowerTheLabel_AreNotListed()
    {
        var words = new AdditiveScorer(new Dictionary<string, double> { ["anjing"] = 1.0, ["maaf"] = -2.0 }).Explain("maaf anjing");

        Assert.That(words.Select(w => w.Text), Is.EqualTo(new[] { "anjing" }));
    }

    [Test]
    public void Explain_RepeatedWords_RescoresOncePerDistinctWord()
    {
        // 12 words, 4 distinct: the cost is 4 re-scorings (plus the score itself), not 12.
        var scorer = new AdditiveScorer(Weights);

        scorer.Explain("anjing yang lo bangsat anjing yang lo bangsat anjing yang lo bangsat");

        Assert.That(scorer.Passes, Is.EqualTo(4));
    }

    [Test]
    public void Explain_MoreDistinctWordsThanTheCap_OccludesAtMostMaxWordsAndStillFindsALateWord()
    {
        var text = string.Join(' ', Enumerable.Range(0, PostExplainer.MaxWords + 50).Select(Made).Append("anjing"));
        var scorer = new AdditiveScorer(Weights);
        Assert.That(AdditiveScorer.Analyze(text).Tokens.Select(t => t.Text).Distinct().Count(), Is.EqualTo(PostExplainer.MaxWords + 51), "precondition");

        var words = scorer.Explain(text);

        Assert.Multiple(() =>
        {
            Assert.That(scorer.Rescored.Count(t => t.Contains(' ', StringComparison.Ordinal)), Is.EqualTo(PostExplainer.MaxWords), "occluded passes");
            Assert.That(scorer.Passes, Is.EqualTo(PostExplainer.MaxWords + PostExplainer.MaxWords + 51 + 1), "plus each word alone and the empty text");
            Assert.That(words.Select(w => w.Text), Is.EqualTo(new[] { "anjing" }), "the first pass keeps anjing although it comes last");
        });
    }

    [Test]
    public void Explain_RepeatsPastTheCap_AreStillOccludedAndReported()
    {
        var text = string.Join(' ', new[] { "anjing" }.Concat(Enumerable.Range(0, PostExplainer.MaxWords + 10).Select(Made)).Append("anjing"));

        var words = new AdditiveScorer(Weights).Explain(text);

        Assert.That(words.Single().Spans, Has.Count.EqualTo(2));
        Assert.That(words.Single().Weight, Is.EqualTo(3.0));
    }

    [Test]
    public void Explain_EmptyPost_ExplainsEveryAskedLabelWithNoWords()
    {
        var scorer = new AdditiveScorer(Weights);

        var words = scorer.Explain(string.Empty);

        Assert.Multiple(() =>
        {
            Assert.That(words, Is.Empty);
            Assert.That(scorer.Passes, Is.Zero);
        });
    }

    // Distinct made-up words of letters only (digits would be read as leetspeak), no letter three times in a row.
    private static string Made(int i) => $"z{(char)('a' + (i / 26))}e{(char)('a' + (i % 26))}u";
}
