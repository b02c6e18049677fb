using HoaxScreen.Core.Scoring;

namespace HoaxScreen.Core.Tests.Explanations;

/// <summary>The reporting rule of <see cref="WordRanking"/> on hand-set weights.</summary>
public class WordRankingTests
{
    [Test]
    public void Top_ContentWords_StrongestFirstPositiveOnly()
    {
        var words = Words(("goblok", false), ("maaf", false), ("anjing", false), ("netral", false));

        var top = WordRanking.Top(words, [1.0, -0.5, 2.0, 0.0], topWords: 20);

        Assert.That(top, Is.EqualTo(new[] { 2, 0 }));
    }

    [Test]
    public void Top_FunctionWordAboveContentWordButShortOfTheLead_IsLeftOut()
    {
        var words = Words(("di", true), ("anjing", false));

        var top = WordRanking.Top(words, [1.4, 1.0], topWords: 20);

        Assert.That(top, Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public void Top_FunctionWordAtTheLead_IsListedFirst()
    {
        var words = Words(("itu", true), ("cina", false));

        var top = WordRanking.Top(words, [WordRanking.FunctionWordLead * 2.0, 2.0], topWords: 20);

        Assert.That(top, Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public void Top_FunctionWordBelowTheBestContentWord_IsLeftOutEvenWhenThereIsRoom()
    {
        var words = Words(("anjing", false), ("bangsat", false), ("yang", true));

        var top = WordRanking.Top(words, [3.0, 0.5, 1.0], topWords: 20);

        Assert.That(top, Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public void Top_NoContentWordRaisesTheLabel_FunctionWordsAreListed()
    {
        var words = Words(("lo", true), ("maaf", false), ("yang", true));

        var top = WordRanking.Top(words, [0.3, -1.0, 0.6], topWords: 20);

        Assert.That(top, Is.EqualTo(new[] { 2, 0 }));
    }

    [Test]
    public void Top_WeightAtNoiseLevel_IsLeftOut()
    {
        var words = Words(("anjing", false), ("bangsat", false));

        var top = WordRanking.Top(words, [1.0, WordRanking.MinWeight], topWords: 20);

        Assert.That(top, Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public void Top_EqualWeights_KeepOrderOfFirstAppearance()
    {
        var words = Words(("goblok", false), ("anjing", false), ("bangsat", false));

        var top = WordRanking.Top(words, [1.0, 2.0, 1.0], topWords: 20);

        Assert.That(top, Is.EqualTo(new[] { 1, 0, 2 }));
    }

    [Test]
    public void Top_MoreWordsThanAsked_KeepsTheStrongest()
    {
        var words = Words(("a", false), ("b", false), ("c", false), ("d", false));

        var top = WordRanking.Top(words, [1.0, 4.0, 3.0, 2.0], topWords: 2);

        Assert.That(top, Is.EqualTo(new[] { 1, 2 }));
    }

    private static DistinctWord[] Words(params (string Key, bool IsFunctionWord)[] words) =>
        [.. words.Select((w, i) => new DistinctWord(w.Key, [new WordSpan(i * 10, w.Key.Length)], w.IsFunctionWord))];
}
