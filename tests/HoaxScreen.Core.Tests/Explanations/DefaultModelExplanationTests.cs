using HoaxScreen.Core.Labels;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Core.Tests.Explanations;

/// <summary>
/// Explanations from the committed default model. It is retrained from time to time, so the tests check that a post is
/// flagged before looking at its words, and otherwise assert what holds for any model: merged entries and exact spans.
/// </summary>
public class DefaultModelExplanationTests
{
    private static readonly Lazy<ScoringModel> Model = new(() => ModelBundleLoader.Load(RepoPaths.DefaultModel));

    [Test]
    public void Explain_RepeatedTriggerWord_OneEntryWithEveryOccurrence()
    {
        const string text = "anjing lo anjing banget, dasar anjing";

        var abusive = Explain(text, CanonicalLabels.Abusive);

        var anjing = abusive.Where(w => w.Text == "anjing").ToList();
        Assert.That(anjing, Has.Count.EqualTo(1), Describe(abusive));
        Assert.That(anjing[0].Spans, Is.EqualTo(new[] { new WordSpan(0, 6), new WordSpan(10, 6), new WordSpan(31, 6) }));
    }

    [TestCase("dasar a*jing lu, b4b1, dasar anjing", "a*jing", "anjing")]
    [TestCase("dasar k a f i r laknat, k.a.f.i.r semua, usir kafir", "k a f i r", "k.a.f.i.r", "kafir")]
    [TestCase("b4b1 lu, dasar babi", "b4b1", "babi")]
    public void Explain_DisguisedSpellingsOfOneWord_OneEntryWhoseSpansAreTheSpellingsAsWritten(string text, params string[] spellings)
    {
        var words = Model.Value.Explain(text, _ => true, topWords: 20).Explanations.SelectMany(e => e.Words);

        var entries = words.Where(w => w.Spans.Any(s => s.Start == text.IndexOf(spellings[0], StringComparison.Ordinal))).ToList();
        Assume.That(entries, Is.Not.Empty, $"'{spellings[0]}' raises no label's score with this model");
        Assert.Multiple(() =>
        {
            foreach (var entry in entries)
            {
                Assert.That(entry.Spans.Select(s => text.Substring(s.Start, s.Length)), Is.EqualTo(spellings));
                Assert.That(entry.Text, Is.EqualTo(spellings[0]));
            }
        });
    }

    [TestCase("dasar goblok lu anjing, otak udang bgt sih, bacot doang bangsat!")]
    [TestCase("anjing anjing anjing lo lo lo, dasar anjing lo")]
    [TestCase("orang cina itu semua penipu, usir dari sini, orang cina pembohong")]
    [TestCase("INFO PENTING!!! info dari orang dalam: sebarkan info ini ke semua grup sebelum dihapus, info valid")]
    public void Explain_TwentyTopWords_NoWordListedTwiceAndNoSpanShared(string text)
    {
        var (_, explanations) = Model.Value.Explain(text, _ => true, topWords: 20);

        Assert.Multiple(() =>
        {
            foreach (var explanation in explanations)
            {
                var spans = explanation.Words.SelectMany(w => w.Spans).ToList();
                Assert.That(spans, Is.Unique, $"{explanation.Label}: {Describe(explanation.Words)}");
                Assert.That(explanation.Words.Select(w => w.Text.ToLowerInvariant()), Is.Unique, explanation.Label);
                Assert.That(explanation.Words.Select(w => w.Weight), Is.Ordered.Descending, explanation.Label);
                Assert.That(explanation.Words.Select(w => w.Weight), Has.All.GreaterThan(0), explanation.Label);
            }
        });
    }

    [TestCase("dasar goblok lu anjing, otak udang bgt sih, bacot doang bangsat!")]
    [TestCase("orang cina itu semua penipu, usir dari sini")]
    [TestCase("INFO PENTING!!! Sebarkan ke semua grup WA sebelum dihapus. Kata orang dalam KPU, KTP lama tidak berlaku")]
    public void Explain_FunctionWordListed_OutweighsEveryListedContentWordByTheLead(string text)
    {
        var model = Model.Value;
        var (_, explanations) = model.Explain(text, _ => true, topWords: 20);

        Assert.Multiple(() =>
        {
            foreach (var explanation in explanations)
            {
                var function = explanation.Words.Where(w => IsFunctionWord(model, w.Text)).ToList();
                var content = explanation.Words.Where(w => !IsFunctionWord(model, w.Text)).ToList();
                foreach (var word in function)
                {
                    Assert.That(content.Select(c => c.Weight * WordRanking.FunctionWordLead), Has.All.LessThanOrEqualTo(word.Weight + 1e-3),
                        $"{explanation.Label}: {Describe(explanation.Words)}");
                }
            }
        });
    }

    private static bool IsFunctionWord(ScoringModel model, string written) =>
        model.Normalizer.Analyze(written).Tokens.All(t => FunctionWords.Contains(t.Text));

    private static IReadOnlyList<WordContribution> Explain(string text, string label)
    {
        var model = Model.Value;
        var (verdict, explanations) = model.Explain(text, l => l.Label == label, topWords: 20);
        Assert.That(verdict.Labels.Single(l => l.Label == label).Flagged, Is.True, $"precondition: the default model does not flag '{text}' as {label}");
        return explanations.Single().Words;
    }

    private static string Describe(IEnumerable<WordContribution> words) =>
        string.Join(", ", words.Select(w => $"{w.Text}×{w.Count}={w.Weight}"));
}
