using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.TermLists;
using HoaxScreen.Core.Text;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Core.Tests.TermLists;

/// <summary>Deployment term lists: terms found through the normaliser, however disguised, at the original characters.</summary>
public class TermListMatcherTests
{
    private static readonly Lazy<TextNormalizer> BundleNormalizer = new(() =>
        TextNormalizer.ForBundle(RepoPaths.DefaultModel, ModelBundle.ReadManifest(RepoPaths.DefaultModel).Normalizer));

    private static readonly TermList Slurs = new("slurs", ["kafir", "cebong", "kadrun"], Flag: true);
    private static readonly TermList Candidates = new("paslon", ["Hendra Wijaya", "HERA", "02"], Flag: false);

    private static TermListMatcher Matcher(params TermList[] lists) => TermListMatcher.ForLists(lists, BundleNormalizer.Value);

    [TestCase("dasar k a f i r semua", "k a f i r")]
    [TestCase("K.A.F.I.R!!", "K.A.F.I.R")]
    [TestCase("ｋａｆｉｒ", "ｋａｆｉｒ")]
    [TestCase("dasar c3b0ng", "c3b0ng")]
    [TestCase("kadrunnnn semua", "kadrunnnn")]
    [TestCase("k4dRun", "k4dRun")]
    public void Match_DisguisedTerm_FoundAtTheCharactersAsWritten(string post, string written)
    {
        var match = Matcher(Slurs).Match(post).Single();

        Assert.That(post.Substring(match.Start, match.Length), Is.EqualTo(written));
        Assert.That(match.List, Is.EqualTo("slurs"));
        Assert.That(match.Flag, Is.True);
    }

    [Test]
    public void Match_MultiWordTermAcrossSeveralSpaces_SpansBothWords()
    {
        const string post = "coblos HERA dan Hendra   Wijaya";

        var matches = Matcher(Candidates).Match(post);

        Assert.That(matches.Select(m => (m.Term, post.Substring(m.Start, m.Length))),
            Is.EqualTo(new[] { ("HERA", "HERA"), ("Hendra Wijaya", "Hendra   Wijaya") }));
    }

    [Test]
    public void Match_HashtagOfAListedName_SplitTowardsTheListedWords()
    {
        const string post = "#HendraWijaya menang";

        var match = Matcher(Candidates).Match(post).Single();

        Assert.That(match.Term, Is.EqualTo("Hendra Wijaya"));
        Assert.That(post.Substring(match.Start, match.Length), Does.Contain("HendraWijaya"));
    }

    [TestCase("dasar KA*IR kau", "KA*IR")]
    [TestCase("dasar ka*ir", "ka*ir")]
    public void Match_MaskThatSeveralListedWordsFit_ListMatchedOnceAtTheMaskedWord(string post, string written)
    {
        // Both listed words fit, so the normaliser cannot restore the word alone; the list still matches there, once.
        var list = new TermList("slurs", ["kafir", "kadir"], Flag: true);

        var match = Matcher(list).Match(post).Single();

        Assert.That(post.Substring(match.Start, match.Length), Is.EqualTo(written));
        Assert.That(match.Term, Is.AnyOf("kafir", "kadir"));
    }

    [Test]
    public void Match_MaskTheNormaliserLeavesUnresolved_FoundAtTheMaskedWord()
    {
        // Several known words fit "an*ing" (anjing, anting...), so normalising alone drops the star and loses the word.
        const string post = "dasar an*ing lo";

        var match = Matcher(new TermList("kasar", ["anjing"], Flag: true)).Match(post).Single();

        Assert.That((match.Term, post.Substring(match.Start, match.Length)), Is.EqualTo(("anjing", "an*ing")));
    }

    [Test]
    public void Match_MaskedWordInsideAMultiWordTerm_SpansTheTerm()
    {
        var list = new TermList("paslon", ["Hendra Wijaya", "Hendro Wijaya"], Flag: false);
        const string post = "hend*a wij*ya lagi";

        var terms = Matcher(list).Match(post).Select(m => (m.Term, post.Substring(m.Start, m.Length)));

        Assert.That(terms, Is.EquivalentTo(new[] { ("Hendra Wijaya", "hend*a wij*ya") }));
    }

    [TestCase("k***r")]
    [TestCase("ka*irun")]
    [TestCase("ka*ir")]
    public void Match_MaskWithMoreStarsThanLettersOrOtherLength_NoMatch(string post)
    {
        // "ka*ir" fits no listed word here: kafir is not listed in this test.
        var list = new TermList("slurs", ["kadrun", "kafirun2"], Flag: true);

        Assert.That(Matcher(list).Match(post), Is.Empty);
    }

    [TestCase("kafirun itu nama surat")]
    [TestCase("pilih no 020 ya")]
    [TestCase("")]
    public void Match_TermInsideAnotherWordOrAbsent_NoMatch(string post) =>
        Assert.That(Matcher(Slurs, Candidates).Match(post), Is.Empty);

    [Test]
    public void Match_TermRepeated_EachPlaceOnce()
    {
        var matches = Matcher(Slurs).Match("c3b0ng lagi cebong");

        Assert.That(matches.Select(m => m.Start), Is.EqualTo(new[] { 0, 12 }));
    }

    [Test]
    public void Match_TermOnTwoLists_ReportedForEach()
    {
        var matches = Matcher(Slurs, new TermList("pantau", ["kafir"], Flag: false)).Match("kafir");

        Assert.That(matches.Select(m => (m.List, m.Flag)), Is.EquivalentTo(new[] { ("slurs", true), ("pantau", false) }));
    }

    [Test]
    public void TermCount_TermsOfPunctuationAlone_LeftOut() =>
        Assert.That(Matcher(new TermList("x", ["!!!", "kafir", "  "], Flag: true)).TermCount, Is.EqualTo(1));
}
