using HoaxScreen.Core.Text;

namespace HoaxScreen.Core.Tests;

public class TextNormalizerTests
{
    private static string Normalize(string text) => TextNormalizer.Default.Normalize(text);

    [Test]
    public void Normalize_MixedCase_LowersIt()
    {
        Assert.That(Normalize("SEBARKAN Sekarang"), Is.EqualTo("sebarkan sekarang"));
    }

    [Test]
    public void Normalize_Elongation_KeepsAtMostTwoLetters()
    {
        Assert.That(Normalize("bangeeeettt parahhhh"), Is.EqualTo("bangeett parahh"));
    }

    [Test]
    public void Normalize_UrlsAndMentions_BecomePlaceholders()
    {
        Assert.That(Normalize("cek https://bit.ly/xyz123 kata @budi_99"), Is.EqualTo($"cek {TextNormalizer.UrlToken} kata {TextNormalizer.MentionToken}"));
    }

    [Test]
    public void Normalize_EmailAddress_IsNotAMention()
    {
        Assert.That(Normalize("kirim ke admin@desa.id"), Does.Contain("admin@desa.id"));
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
        Assert.That(TextNormalizer.Default.Normalize(text), Is.Empty);
    }

    [Test]
    public void Normalize_DigitsRepeated_AreKept()
    {
        Assert.That(Normalize("rp 1000000"), Is.EqualTo("rp 1000000"));
    }
}
