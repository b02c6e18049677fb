using HoaxScreen.Core.Adaptation;
using HoaxScreen.Core.Featurization;

namespace HoaxScreen.Core.Tests.Adaptation;

/// <summary>The feedback's word n-grams that the base's vocabulary lacks, as extra feature slots after the base's.</summary>
public class CommunityVocabularyTests
{
    /// <summary>A base knowing the words "berita", "palsu" and "hari", the bigram "berita palsu", and two character bigrams.</summary>
    private static NgramFeaturizer Base()
    {
        var builder = new NgramFeaturizer.Builder(new NgramSettings(2, [2], NgramWeighting.Idf));
        builder.AddWord("berita", 1f);
        builder.AddWord("palsu", 1f);
        builder.AddWord("hari", 1f);
        builder.AddWord("berita palsu", 2f);
        builder.AddChar("be", 1f);
        builder.AddChar("al", 1f);
        return builder.Build();
    }

    [Test]
    public void Fit_NewWordInTwoPosts_GetsTheFirstSlotAfterTheBase()
    {
        var featurizer = Base();

        var vocabulary = CommunityVocabulary.Fit(["gaskeun berita", "gaskeun hari"], featurizer);

        Assert.That(vocabulary.Contains("gaskeun"), Is.True);
        Assert.That(vocabulary.Offset, Is.EqualTo(featurizer.Size));
        List<int> slots = [];
        List<float> values = [];
        vocabulary.Featurize("gaskeun", slots, values);
        Assert.That(slots, Is.EqualTo(new[] { featurizer.Size }));
    }

    [Test]
    public void Fit_NewWordInOnePost_Left()
    {
        var vocabulary = CommunityVocabulary.Fit(["gaskeun berita", "hari palsu"], Base());

        Assert.That(vocabulary.Contains("gaskeun"), Is.False);
    }

    [Test]
    public void Fit_WordsAndBigramTheBaseKnows_Left()
    {
        var vocabulary = CommunityVocabulary.Fit(["berita palsu", "berita palsu"], Base());

        Assert.That(vocabulary.Count, Is.EqualTo(0));
    }

    [Test]
    public void Fit_NewBigramOfKnownWords_Added()
    {
        var vocabulary = CommunityVocabulary.Fit(["palsu hari", "palsu hari"], Base());

        Assert.That(vocabulary.Contains("palsu hari"), Is.True);
        Assert.That(vocabulary.Contains("palsu"), Is.False);
        Assert.That(vocabulary.Count, Is.EqualTo(1));
    }

    [Test]
    public void Featurize_TwoCommunityNgrams_AppendedAscendingAndNormalised()
    {
        var vocabulary = CommunityVocabulary.Fit(["gaskeun mantul", "gaskeun mantul"], Base());
        List<int> slots = [0];
        List<float> values = [1f];

        vocabulary.Featurize("mantul gaskeun berita", slots, values);

        // "gaskeun", "gaskeun mantul" and "mantul" are in the vocabulary; only the unigrams occur in this order.
        Assert.That(slots, Has.Count.EqualTo(3));
        Assert.That(slots.Skip(1), Is.Ordered.And.All.GreaterThanOrEqualTo(vocabulary.Offset));
        Assert.That(values.Skip(1), Is.All.EqualTo(1 / MathF.Sqrt(2)).Within(1e-6));
    }

    [Test]
    public void Featurize_TextWithoutCommunityNgrams_AddsNothing()
    {
        var vocabulary = CommunityVocabulary.Fit(["gaskeun mantul", "gaskeun mantul"], Base());
        List<int> slots = [];
        List<float> values = [];

        vocabulary.Featurize("berita palsu hari", slots, values);

        Assert.That(slots, Is.Empty);
    }
}
