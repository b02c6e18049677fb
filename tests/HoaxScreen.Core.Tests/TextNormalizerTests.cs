using HoaxScreen.Core.Text;

namespace HoaxScreen.Core.Tests;

/// <summary>
/// The normaliser's surface: <see cref="TextNormalizer.Default"/> (default rules, empty lexicons) and
/// <see cref="NormalizedText"/>. Rule-by-rule behaviour with lexicons is in Normalization/NormalizerRuleTests.
/// </summary>
public class TextNormalizerTests
{
    private static string Normalize(string? text) => TextNormalizer.Default.Normalize(text);

    [Test]
    public void Normalize_MixedCase_LowersIt()
    {
        Assert.That(Normalize("SEBARKAN Sekarang"), Is.EqualTo("sebarkan sekarang"));
    }

    [Test]
    public void Normalize_ElongationWithoutLexicon_KeepsOneLetterPerRun()
    {
        Assert.That(Normalize("bangeeeettt parahhhh"), Is.EqualTo("banget parah"));
    }

    [Test]
    public void Normalize_ElongationWithTwoLetterWordInVocabulary_KeepsTwoLetters()
    {
        var normalizer = new TextNormalizer(NormalizerSettings.Default, new Lexicon([], [], ["allah"]));
        Assert.That(normalizer.Normalize("allllah"), Is.EqualTo("allah"));
    }

    [Test]
    public void Normalize_RunsOfTwoLetters_AreLeftAlone()
    {
        Assert.That(Normalize("mantapp bangeett"), Is.EqualTo("mantapp bangeett"));
    }

    [Test]
    public void Normalize_UrlsAndMentions_BecomePlaceholders()
    {
        Assert.That(Normalize("cek https://bit.ly/xyz123 kata @budi_99"), Is.EqualTo($"cek {TextNormalizer.UrlToken} kata {TextNormalizer.MentionToken}"));
    }

    [Test]
    public void Normalize_EmailAddress_BecomesLinkTokenNotMention()
    {
        Assert.That(Normalize("kirim ke admin@desa.id"), Is.EqualTo($"kirim ke {TextNormalizer.UrlToken}"));
    }

    [Test]
    public void Normalize_ZeroWidthCharacters_AreRemoved()
    {
        Assert.That(Normalize("an\u200Bji\u200Dng"), Is.EqualTo("anjing"));
    }

    [Test]
    public void Normalize_FullWidthLetters_FoldToAscii()
    {
        Assert.That(Normalize("ＨＯＡＫＳ"), Is.EqualTo("hoaks"));
    }

    [Test]
    public void Normalize_WhitespaceRuns_CollapseAndTrim()
    {
        Assert.That(Normalize("  halo \t\n  semua  "), Is.EqualTo("halo semua"));
    }

    [TestCase(null)]
    [TestCase("")]
    public void Normalize_NullOrEmpty_ReturnsEmpty(string? text)
    {
        Assert.That(Normalize(text), Is.Empty);
    }

    [TestCase(null)]
    [TestCase("")]
    public void Analyze_NullOrEmpty_HasNoTokens(string? text)
    {
        var analysed = TextNormalizer.Default.Analyze(text);
        Assert.That(analysed.Tokens, Is.Empty);
        Assert.That(analysed.Original, Is.Empty);
    }

    [TestCase(" \t\n ")]
    [TestCase("\u200B\u200D\uFEFF")]
    [TestCase("!!! ... ???")]
    public void Analyze_NothingButBlanksInvisiblesOrPunctuation_HasNoTokens(string text)
    {
        Assert.That(TextNormalizer.Default.Analyze(text).Tokens, Is.Empty);
    }

    [Test]
    public void Normalize_DigitsRepeated_AreKept()
    {
        Assert.That(Normalize("rp 1000000"), Is.EqualTo("rp 1000000"));
    }

    [Test]
    public void Normalize_LaughterWithoutLexicon_CollapsesToTwoRepeats()
    {
        Assert.That(Normalize("wkwkwkwk"), Is.EqualTo("wkwk"));
    }

    [Test]
    public void Normalize_InteriorLeetWithoutLexicon_IsDecoded()
    {
        Assert.That(Normalize("dasar g0bl0k"), Is.EqualTo("dasar goblok"));
    }

    [Test]
    public void Default_Lexicon_IsEmpty()
    {
        Assert.That(TextNormalizer.Default.Lexicon.VocabularyCount, Is.Zero);
        Assert.That(TextNormalizer.Default.Settings, Is.EqualTo(NormalizerSettings.Default));
    }

    [Test]
    public void Analyze_Original_IsTheRawInput()
    {
        const string raw = "  Halo SEMUA ";
        Assert.That(TextNormalizer.Default.Analyze(raw).Original, Is.SameAs(raw));
    }

    [Test]
    public void Text_JoinsTokensWithSingleSpaces()
    {
        var analysed = TextNormalizer.Default.Analyze("Halo,  semua!!  😊");
        Assert.That(analysed.Text, Is.EqualTo("halo semua 😊"));
        Assert.That(analysed.Text, Is.EqualTo(TextNormalizer.Default.Normalize("Halo,  semua!!  😊")));
    }

    [Test]
    public void TextWithout_SkippedIndexes_AreLeftOut()
    {
        var analysed = TextNormalizer.Default.Analyze("dasar goblok kamu");
        Assert.That(analysed.TextWithout(i => i == 1), Is.EqualTo("dasar kamu"));
        Assert.That(analysed.TextWithout(_ => true), Is.Empty);
        Assert.That(analysed.TextWithout(_ => false), Is.EqualTo(analysed.Text));
    }

    [Test]
    public void Token_End_IsStartPlusLength()
    {
        var token = new NormalizedToken("anjing", 6, 7);
        Assert.That(token.End, Is.EqualTo(13));
    }

    [Test]
    public void Analyze_TokenSpans_PointAtOriginalCharacters()
    {
        const string raw = "Cek  ＨＯＡＫＳ ini";
        var spans = TextNormalizer.Default.Analyze(raw).Tokens.Select(t => raw.Substring(t.Start, t.Length));
        Assert.That(spans, Is.EqualTo(new[] { "Cek", "ＨＯＡＫＳ", "ini" }));
    }
}
