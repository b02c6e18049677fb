using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Training.Pipeline;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// Resolving the character slots whose names ML.NET makes ambiguous (every UTF-16 surrogate is named alike): the
/// resolved n-grams, with the unambiguous names, must give exactly the slots the featuriser sets for each text.
/// </summary>
public class FeatureWeightsExtractorTests
{
    private const string CharPrefix = "Char.";

    private static readonly string[] Texts =
    [
        "mantap \U0001F600 sekali \U0001F64F", "\U0001F525", "hoax \U0001F621\U0001F621 sebarkan \U0001F44D\U0001F3FD",
        "\U0001F1EE\U0001F1E9 indonesia", "selamat pagi", "\U0001F600\U0001F600\U0001F600 ketawa", "tanpa emoji sama sekali",
        "awal \U0001F64F", "\U0001F64F akhir", "a\U0001F600b", "\U0001F600 \U0001F525 \U0001F600",
    ];

    [TestCase(true)]
    [TestCase(false)]
    public void ResolveAmbiguous_EmojiTexts_ReproducesTheFeaturisersSlots(bool allLengths)
    {
        var ml = new MLContext(seed: 1);
        var settings = new TrainerSettings { CharNgramLength = 4, CharNgramAllLengths = allLengths };
        var featurizer = TrainingPipeline.BuildFeaturizer(ml, settings, l2Normalize: false)
            .Fit(ml.Data.LoadFromEnumerable(Texts.Select(t => new PostInput { Text = t })));
        var names = SlotNames(featurizer);

        var resolved = FeatureWeightsExtractor.ResolveAmbiguous(ml, featurizer, settings, names, Texts);

        Assert.That(resolved, Is.Not.Null.And.Not.Empty);
        var slotOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var slot = 0; slot < names.Length; slot++)
        {
            if (names[slot].StartsWith(CharPrefix, StringComparison.Ordinal) && CharNgramNames.Instance.Parse(names[slot].AsSpan(CharPrefix.Length)) is { } ngram)
            {
                slotOf[ngram] = slot;
            }
        }

        foreach (var (slot, ngram) in resolved!)
        {
            slotOf.Add(ngram, slot);
        }

        int[] lengths = allLengths ? [1, 2, 3, 4] : [4];
        var rows = featurizer.Transform(ml.Data.LoadFromEnumerable(Texts.Select(t => new PostInput { Text = t })))
            .GetColumn<VBuffer<float>>(ModelColumns.Features).Select(row => CharSlots(row, names)).ToList();
        // An n-gram in every text (the markers alone) has an IDF of 0, so no row sets it.
        var everSet = rows.SelectMany(r => r).ToHashSet();
        for (var i = 0; i < Texts.Length; i++)
        {
            var expected = rows[i];
            var stream = "\u0002" + Texts[i] + "\u0003";
            var actual = lengths.SelectMany(n => Enumerable.Range(0, Math.Max(0, stream.Length - n + 1)).Select(k => stream.Substring(k, n)))
                .Where(slotOf.ContainsKey).Select(g => slotOf[g]).Where(everSet.Contains).ToHashSet();
            Assert.That(actual, Is.EquivalentTo(expected), Texts[i]);
        }
    }

    [Test]
    public void ResolveAmbiguous_TextsWithoutSurrogates_ResolvesNothingAndSaysSo()
    {
        var ml = new MLContext(seed: 1);
        string[] texts = ["selamat pagi", "dasar hoax"];
        var featurizer = TrainingPipeline.BuildFeaturizer(ml, TrainerSettings.Default, l2Normalize: false)
            .Fit(ml.Data.LoadFromEnumerable(texts.Select(t => new PostInput { Text = t })));

        var resolved = FeatureWeightsExtractor.ResolveAmbiguous(ml, featurizer, TrainerSettings.Default, SlotNames(featurizer), texts);

        Assert.That(resolved, Is.Not.Null.And.Empty);
    }

    // Read while the cursor is on the row: GetColumn reuses one buffer for every row.
    private static HashSet<int> CharSlots(VBuffer<float> row, string[] names)
    {
        var slots = new HashSet<int>();
        var indices = row.GetIndices();
        var values = row.GetValues();
        for (var i = 0; i < values.Length; i++)
        {
            var slot = row.IsDense ? i : indices[i];
            if (values[i] != 0 && names[slot].StartsWith(CharPrefix, StringComparison.Ordinal))
            {
                slots.Add(slot);
            }
        }

        return slots;
    }

    private static string[] SlotNames(ITransformer featurizer)
    {
        var schema = featurizer.GetOutputSchema(new MLContext().Data.LoadFromEnumerable(Array.Empty<PostInput>()).Schema);
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema[ModelColumns.Features].GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => n.ToString())];
    }
}
