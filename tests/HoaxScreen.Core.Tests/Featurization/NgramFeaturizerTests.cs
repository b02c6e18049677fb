using HoaxScreen.Core.Featurization;

namespace HoaxScreen.Core.Tests;

/// <summary>The one featuriser: what it extracts, how it weights and normalises, and that it is safe to share.</summary>
public class NgramFeaturizerTests
{
    // Words "hoaks", "vaksin", "chip", the bigram "vaksin chip"; character 3-grams of "\u0002ab" style texts.
    private static NgramFeaturizer Featurizer(NgramWeighting weighting = NgramWeighting.Idf, params int[] charLengths)
    {
        var settings = new NgramSettings(WordNgramLength: 2, charLengths, weighting);
        string[] words = ["hoaks", "vaksin", "chip", "vaksin chip"];
        var chars = charLengths.Length == 0 ? [] : new[] { "aks", "ksi", "\u0002ho", "vaksin", "aksin\u0003" }.Where(c => charLengths.Contains(c.Length)).ToArray();
        var idf = Enumerable.Range(1, words.Length + chars.Length).Select(i => (float)i).ToArray();
        return new NgramVocabulary(settings, Documents: 10, words, chars, idf).ToFeaturizer();
    }

    private static Dictionary<int, float> Vector(NgramFeaturizer featurizer, string text)
    {
        featurizer.Featurize(text, out var slots, out var values);
        var vector = new Dictionary<int, float>();
        for (var i = 0; i < slots.Length; i++)
        {
            vector.Add(slots[i], values[i]);
        }

        return vector;
    }

    [Test]
    public void Featurize_WordsOnly_GivesIdfWeightsScaledToUnitLength()
    {
        var vector = Vector(Featurizer(), "hoaks vaksin chip");

        // Slots 0, 1, 2 (words) and 3 (bigram) with IDFs 1, 2, 3, 4.
        var norm = MathF.Sqrt(1 + 4 + 9 + 16);
        Assert.That(vector.Keys, Is.EqualTo(new[] { 0, 1, 2, 3 }));
        Assert.That(vector.Values, Is.EqualTo(new[] { 1 / norm, 2 / norm, 3 / norm, 4 / norm }).Within(1e-6f));
    }

    [Test]
    public void Featurize_WordAndCharacterBlocks_AreEachScaledToUnitLength()
    {
        var featurizer = Featurizer(NgramWeighting.Idf, 3);
        var vector = Vector(featurizer, "vaksin");

        Assert.That(featurizer.WordSlots, Is.EqualTo(4));
        var words = vector.Where(p => p.Key < featurizer.WordSlots).Select(p => p.Value).ToList();
        var chars = vector.Where(p => p.Key >= featurizer.WordSlots).Select(p => p.Value).ToList();
        Assert.That(words, Has.Count.EqualTo(1));
        Assert.That(chars, Has.Count.EqualTo(2), "aks and ksi; \\u0002ho is not in \\u0002vaksin\\u0003");
        Assert.That(words.Sum(v => v * v), Is.EqualTo(1f).Within(1e-6f));
        Assert.That(chars.Sum(v => v * v), Is.EqualTo(1f).Within(1e-6f));
    }

    [Test]
    public void Featurize_CharacterNgramsAtTheEdges_SeeTheStartAndEndMarkers()
    {
        var featurizer = Featurizer(NgramWeighting.Idf, 3, 6);
        var vector = Vector(featurizer, "hoaks vaksin");

        // \u0002ho (slot 6), vaksin (slot 7) and aksin\u0003 (slot 8): short n-grams packed, long ones in their own table.
        Assert.That(vector.Keys, Does.Contain(6).And.Contain(7).And.Contain(8));
    }

    [TestCase(NgramWeighting.Idf, 1f)]
    [TestCase(NgramWeighting.Tf, 3f)]
    [TestCase(NgramWeighting.TfIdf, 3f)]
    public void Featurize_RepeatedWord_CountsByTheWeighting(NgramWeighting weighting, float ratio)
    {
        var featurizer = Featurizer(weighting);
        var vector = Vector(featurizer, "hoaks hoaks hoaks chip");

        // "hoaks" (IDF 1) three times against "chip" (IDF 3) once.
        var idfRatio = weighting == NgramWeighting.Tf ? 1f : 1f / 3f;
        Assert.That(vector[0] / vector[2], Is.EqualTo(ratio * idfRatio).Within(1e-5f));
    }

    [Test]
    public void Featurize_BigramAcrossSeveralSpaces_IsTheBigram()
    {
        var vector = Vector(Featurizer(), "vaksin    chip");

        Assert.That(vector.Keys, Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("kata yang tidak dikenal")]
    public void Featurize_NothingKnown_GivesAnEmptyVector(string text) =>
        Assert.That(Vector(Featurizer(NgramWeighting.Idf, 3), text), Is.Empty);

    [Test]
    public void Featurize_CharacterZero_NeverMatchesAShorterNgram()
    {
        // "\0ks" packs like "ks" would; no n-gram with character 0 is looked up, so "aks" alone matches.
        var featurizer = Featurizer(NgramWeighting.Idf, 3);
        var vector = Vector(featurizer, "\0ksi aks");

        Assert.That(vector.Keys.Where(k => k >= featurizer.WordSlots), Is.EquivalentTo(new[] { 4, 5 }));
        Assert.That(NgramFeaturizer.IsStorableCharNgram("a\0b"), Is.False);
    }

    [Test]
    public void Featurize_SlotsComeSortedAndDistinct()
    {
        featurizerSlots(Featurizer(NgramWeighting.Tf, 3), "chip vaksin hoaks vaksin chip aks aks");

        static void featurizerSlots(NgramFeaturizer featurizer, string text)
        {
            featurizer.Featurize(text, out var slots, out _);
            Assert.That(slots.ToArray(), Is.Ordered.And.Unique);
        }
    }

    [Test]
    public void Featurize_SameTextsOnManyThreads_GivesTheSameVectors()
    {
        var featurizer = Featurizer(NgramWeighting.TfIdf, 3, 6);
        string[] texts = ["hoaks vaksin chip", "vaksin vaksin", "", "aks ksi hoaks", "chip"];
        var expected = texts.Select(t => Vector(featurizer, t)).ToArray();

        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var k = i % texts.Length;
            Assert.That(Vector(featurizer, texts[k]), Is.EqualTo(expected[k]));
        });
    }

    [Test]
    public void Builder_CharacterNgramOfAnUnsetLength_IsRefused()
    {
        var builder = new NgramFeaturizer.Builder(new NgramSettings(1, [4], NgramWeighting.Idf));

        Assert.Throws<ArgumentException>(() => builder.AddChar("abc", 1f));
    }

    [Test]
    public void Builder_WordAfterACharacterNgram_IsRefused()
    {
        var builder = new NgramFeaturizer.Builder(new NgramSettings(1, [3], NgramWeighting.Idf));
        builder.AddChar("abc", 1f);

        Assert.Throws<InvalidOperationException>(() => builder.AddWord("kata", 1f));
    }
}
