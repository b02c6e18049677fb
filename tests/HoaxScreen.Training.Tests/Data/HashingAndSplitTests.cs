using System.Text;
using HoaxScreen.Core.Data;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Training.Tests.Data;

public class HashingAndSplitTests
{
    [TestCase("", 2166136261u)]
    [TestCase("a", 0xE40C292Cu)]
    [TestCase("foobar", 0xBF9CF968u)]
    public void Hash32_ReferenceVectors_Match(string text, uint expected)
    {
        Assert.That(Fnv1a.Hash32(text), Is.EqualTo(expected));
    }

    [Test]
    public void Hash32_NonAsciiText_EqualsHashOfUtf8Bytes()
    {
        var random = new Random(7);
        var alphabet = "abcxyz éñ😂🙏🇮🇩ａｎｊ\u200B";
        for (var i = 0; i < 500; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            // Lone surrogates from slicing emoji are replaced the same way by both paths.
            Assert.That(Fnv1a.Hash32(text), Is.EqualTo(Fnv1a.Hash32Utf8(Encoding.UTF8.GetBytes(text))), text);
        }
    }

    [Test]
    public void PartOf_ManyTexts_SplitsAboutSeventyTenTwenty()
    {
        var parts = Enumerable.Range(0, 20_000).Select(i => DataSplit.PartOf($"postingan nomor {i} wkwk")).ToList();
        Assert.That(parts.Count(p => p == SplitPart.Evaluation) / 20_000.0, Is.EqualTo(0.2).Within(0.02));
        Assert.That(parts.Count(p => p == SplitPart.Validation) / 20_000.0, Is.EqualTo(0.1).Within(0.02));
    }

    [Test]
    public void PartOf_SameText_AlwaysSamePart()
    {
        var text = "Awas hoaks! cek dulu sebelum sebar";
        Assert.That(Enumerable.Range(0, 5).Select(_ => DataSplit.PartOf(text)).Distinct().Count(), Is.EqualTo(1));
    }
}
