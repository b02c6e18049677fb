using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Core.Text;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Core.Tests.Explanations;

/// <summary>The team's list of function words and fillers that explanations hold back.</summary>
public class FunctionWordsTests
{
    [TestCase("yang")]
    [TestCase("di")]
    [TestCase("dari")]
    [TestCase("dan")]
    [TestCase("ini")]
    [TestCase("itu")]
    [TestCase("orang")]
    [TestCase("info")]
    [TestCase("lo")]
    [TestCase("kamu")]
    [TestCase("gue")]
    [TestCase("yg")]
    [TestCase("gak")]
    [TestCase("nya")]
    public void Contains_WordsReportedAsFalseTriggers_True(string word)
    {
        Assert.That(FunctionWords.Contains(word), Is.True);
    }

    [TestCase("anjing")]
    [TestCase("kafir")]
    [TestCase("hoaks")]
    [TestCase("sebarkan")]
    [TestCase("cina")]
    [TestCase("Yang")]
    public void Contains_ContentWordOrNotLowerCase_False(string word)
    {
        Assert.That(FunctionWords.Contains(word), Is.False);
    }

    [Test]
    public void Count_Always_IsASmallHandWrittenList()
    {
        Assert.That(FunctionWords.Count, Is.InRange(60, 120));
    }

    [Test]
    public void Contains_DefaultModelSlangForFunctionWords_StillFunctionWordsAfterNormalising()
    {
        // The list is matched against normalised tokens, so a slang spelling counts through what the bundle's lexicon
        // makes of it (lo → kamu, bgt → sekali); this keeps the list and the lexicon from drifting apart.
        var normalizer = new TextNormalizer(ModelBundle.ReadManifest(RepoPaths.DefaultModel).Normalizer, Lexicon.LoadFolder(RepoPaths.DefaultModel));
        string[] slang = ["yg", "dgn", "utk", "krn", "jd", "tp", "gw", "gue", "lo", "lu", "gak", "ga", "gk", "tdk", "udah", "aja", "kalo", "org", "bgt"];

        Assert.That(slang.Where(s => !normalizer.Analyze(s).Tokens.All(t => FunctionWords.Contains(t.Text))), Is.Empty);
    }
}
