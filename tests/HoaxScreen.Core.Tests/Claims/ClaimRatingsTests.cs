using HoaxScreen.Core.Claims;

namespace HoaxScreen.Core.Tests.Claims;

public class ClaimRatingsTests
{
    [TestCase("SALAH", ClaimRating.False)]
    [TestCase("salah", ClaimRating.False)]
    [TestCase("  Hoaks ", ClaimRating.False)]
    [TestCase("HOAX", ClaimRating.False)]
    [TestCase("[HOAKS]", ClaimRating.False)]
    [TestCase("HOAKS/SALAH", ClaimRating.False)]
    [TestCase("Salah / Hoaks", ClaimRating.False)]
    [TestCase("PALSU", ClaimRating.False)]
    [TestCase("DISINFORMASI", ClaimRating.False)]
    [TestCase("Misinformasi", ClaimRating.False)]
    [TestCase("FITNAH", ClaimRating.False)]
    [TestCase("False", ClaimRating.False)]
    [TestCase("FAKE", ClaimRating.False)]
    [TestCase("Pants on Fire!", ClaimRating.False)]
    [TestCase("pants-on-fire", ClaimRating.False)]
    [TestCase("Konten Palsu", ClaimRating.False)]
    [TestCase("Konten yang Dimanipulasi", ClaimRating.False)]
    [TestCase("Salah. Video itu direkam tahun lalu.", ClaimRating.False)]
    [TestCase("MENYESATKAN", ClaimRating.Misleading)]
    [TestCase("Konten Menyesatkan", ClaimRating.Misleading)]
    [TestCase("Konten yang Menyesatkan", ClaimRating.Misleading)]
    [TestCase("Misleading", ClaimRating.Misleading)]
    [TestCase("Sebagian Benar", ClaimRating.Misleading)]
    [TestCase("Partly true", ClaimRating.Misleading)]
    [TestCase("Konteks yang Salah", ClaimRating.Misleading)]
    [TestCase("Malinformasi", ClaimRating.Misleading)]
    [TestCase("Salah | Menyesatkan", ClaimRating.False)]
    [TestCase("Benar/Menyesatkan", ClaimRating.Misleading)]
    [TestCase("BENAR", ClaimRating.True)]
    [TestCase("Fakta", ClaimRating.True)]
    [TestCase("TRUE", ClaimRating.True)]
    [TestCase("correct", ClaimRating.True)]
    [TestCase("BELUM TERBUKTI", ClaimRating.Unproven)]
    [TestCase("Tidak Terbukti", ClaimRating.Unproven)]
    [TestCase("unproven", ClaimRating.Unproven)]
    [TestCase("UNVERIFIED", ClaimRating.Unproven)]
    [TestCase("SATIRE", ClaimRating.Other)]
    [TestCase("Satire atau Parodi", ClaimRating.Other)]
    [TestCase("PARODI", ClaimRating.Other)]
    [TestCase("other", ClaimRating.Other)]
    [TestCase("Dinilai ulang", ClaimRating.Other)]
    [TestCase("", ClaimRating.Other)]
    [TestCase("   ", ClaimRating.Other)]
    [TestCase(null, ClaimRating.Other)]
    public void FromVerdict_PublishedVerdict_MapsToItsRating(string? verdict, ClaimRating expected) =>
        Assert.That(ClaimRatings.FromVerdict(verdict), Is.EqualTo(expected));

    [Test]
    public void NameAndParse_EveryRating_RoundTrip()
    {
        foreach (var rating in Enum.GetValues<ClaimRating>())
        {
            Assert.That(ClaimRatings.Parse(ClaimRatings.Name(rating).ToUpperInvariant()), Is.EqualTo(rating));
            Assert.That(ClaimRatings.FromVerdict(ClaimRatings.Name(rating)), Is.EqualTo(rating), "a rating given directly is itself");
        }
    }
}
