using HoaxScreen.Core.Claims.Matching;

namespace HoaxScreen.Core.Tests.Claims;

/// <summary>The pair features the match decider reads: coverage, character likeness, numbers, lengths, standing.</summary>
public class PairFeaturesTests
{
    private static readonly (string Id, string NormalizedText)[] Claims =
    [
        ("tps-10", "tps tutup jam 10 pagi tanggal 27 november"),
        ("tps-12", "tps tutup jam 12 siang tanggal 27 november"),
        ("vaksin", "vaksin campak mengandung chip pelacak"),
    ];

    private static readonly string[] Texts = [.. Claims.Select(c => c.NormalizedText)];

    private static float Feature(float[] features, string name) => features[Array.IndexOf(PairFeatures.Names, name)];

    [Test]
    public void Compute_PostThatIsTheClaim_FullCoverageLikenessAndItsBestScore()
    {
        var index = Bm25ClaimIndex.Build(Claims);
        var post = Claims[0].NormalizedText;
        var candidates = index.Search(post, 3);

        var features = PairFeatures.ComputeAll(post, Texts, candidates, index, new CharTfIdf(Texts))[0];

        Assert.Multiple(() =>
        {
            Assert.That(features, Has.Length.EqualTo(PairFeatures.Names.Length));
            Assert.That(PairFeatures.Count, Is.EqualTo(PairFeatures.Names.Length));
            Assert.That(candidates[0].Id, Is.EqualTo("tps-10"));
            Assert.That(Feature(features, "bm25_of_self"), Is.EqualTo(1f).Within(1e-5), "its own text is the claim's best score");
            Assert.That(Feature(features, "claim_words_covered"), Is.EqualTo(1f));
            Assert.That(Feature(features, "char_trigram_dice"), Is.EqualTo(1f));
            Assert.That(Feature(features, "numbers_shared"), Is.EqualTo(2f));
            Assert.That(Feature(features, "claim_numbers_missing"), Is.Zero);
            Assert.That(Feature(features, "gap_to_next"), Is.GreaterThan(0f));
            Assert.That(Feature(features, "char_tfidf_cosine"), Is.EqualTo(1f).Within(1e-6));
            Assert.That(Feature(features, "char_cosine_rank"), Is.Zero);
            Assert.That(Feature(features, "char_cosine_gap"), Is.GreaterThan(0f));
        });
    }

    [Test]
    public void Compute_SameTopicOtherNumber_CountsTheClaimsNumberAsMissing()
    {
        var index = Bm25ClaimIndex.Build(Claims);
        const string post = "katanya tps tutup jam 12 siang tgl 27 november sebarkan";
        var candidates = index.Search(post, 3);
        var tps10 = candidates.ToList().FindIndex(c => c.Id == "tps-10");
        var tps12 = candidates.ToList().FindIndex(c => c.Id == "tps-12");

        var features = PairFeatures.ComputeAll(post, Texts, candidates, index, new CharTfIdf(Texts));
        var wrong = features[tps10];
        var right = features[tps12];

        Assert.Multiple(() =>
        {
            Assert.That(tps12, Is.Zero, "the claim with the post's numbers ranks first");
            Assert.That(Feature(wrong, "claim_numbers_missing"), Is.EqualTo(1f));
            Assert.That(Feature(right, "claim_numbers_missing"), Is.Zero);
            Assert.That(Feature(right, "claim_words_covered"), Is.GreaterThan(Feature(wrong, "claim_words_covered")));
            Assert.That(Feature(right, "char_cosine_rank"), Is.Zero);
            Assert.That(Feature(wrong, "char_cosine_rank"), Is.EqualTo(1f));
            Assert.That(Feature(wrong, "char_cosine_gap"), Is.EqualTo(Feature(wrong, "char_tfidf_cosine") - Feature(right, "char_tfidf_cosine")));
        });
    }

    [Test]
    public void TrigramDice_KnownSets_IsTwiceSharedOverTotal()
    {
        // " ab " has trigrams " ab", "ab "; " ac " has " ac", "ac ": none shared.
        Assert.Multiple(() =>
        {
            Assert.That(PairFeatures.TrigramDice("ab", "ac"), Is.Zero);
            Assert.That(PairFeatures.TrigramDice("abc", "abc"), Is.EqualTo(1f));
            // " abc " → " ab", "abc", "bc "; " abd " → " ab", "abd", "bd ": one of three shared each side.
            Assert.That(PairFeatures.TrigramDice("abc", "abd"), Is.EqualTo(2f / 6f).Within(1e-6));
            Assert.That(PairFeatures.TrigramDice("", ""), Is.Zero);
        });
    }

    [Test]
    public void Grams_ShortWords_AsScikitLearnCharWb()
    {
        // scikit-learn's char_wb (2, 5) of "ab a": " ab " → " a", "ab", "b ", " ab", "ab ", " ab "; " a " → " a", "a ", " a ".
        string[] sklearn = [" a", "ab", "b ", " ab", "ab ", " ab ", " a", "a ", " a "];

        var grams = CharTfIdf.Grams("ab a");

        Assert.Multiple(() =>
        {
            Assert.That(grams, Is.EquivalentTo(sklearn));
            Assert.That(grams, Is.EqualTo(new[] { " a", " ab", " ab ", "ab", "ab ", "b ", " a", " a ", "a " }), "by start, then length");
            Assert.That(CharTfIdf.Grams("abcdefg").Count(g => g.Length == 5), Is.EqualTo(5), "\" abcdefg \" has five 5-grams");
        });
    }

    [Test]
    public void SelfScore_EveryClaim_EqualsItsScoreForItsOwnText()
    {
        var index = Bm25ClaimIndex.Build(Claims);

        for (var i = 0; i < Claims.Length; i++)
        {
            var found = index.Search(Claims[i].NormalizedText, 3).Single(c => c.Index == i);
            Assert.That(index.SelfScore(i), Is.EqualTo(found.Score).Within(1e-4), Claims[i].Id);
        }
    }
}
