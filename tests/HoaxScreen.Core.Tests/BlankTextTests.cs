using HoaxScreen.Core.Text;

namespace HoaxScreen.Core.Tests;

public class BlankTextTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\t\n\r")]
    [TestCase("\u0000")]
    [TestCase("\u0001\u0002\u001F\u007F")]
    [TestCase("\u200B")]
    [TestCase("\u200B\u200C\u200D\u2060")]
    [TestCase("\uFEFF")]
    [TestCase("\u202E\u202C")]
    [TestCase("\u00AD")]
    [TestCase("\u3164")]
    [TestCase(" \u0000 \u200B ")]
    [TestCase("\U000E0041")]
    public void IsBlank_OnlyWhiteSpaceControlOrInvisible_IsTrue(string? text)
    {
        Assert.That(BlankText.IsBlank(text), Is.True);
    }

    [TestCase("a")]
    [TestCase("\u0000halo")]
    [TestCase("\u200Bk\u200Ba")]
    [TestCase("😡")]
    [TestCase(".")]
    [TestCase("2")]
    [TestCase("\uD800")]
    public void IsBlank_AnythingVisible_IsFalse(string text)
    {
        Assert.That(BlankText.IsBlank(text), Is.False);
    }

    [TestCase("\u0000")]
    [TestCase("\u0001\u0002")]
    [TestCase("\u200B")]
    [TestCase("\t\n")]
    public void IsBlank_TrueText_NormalisesToNothing(string text)
    {
        Assert.That(TextNormalizer.Default.Normalize(text), Is.Empty);
    }
}
