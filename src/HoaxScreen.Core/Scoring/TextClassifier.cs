using HoaxScreen.Core.Featurization;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// A normalised text to every label's probability and margin: <see cref="NgramFeaturizer"/> once, then all labels'
/// <see cref="LinearHeads"/> on that one vector. The trainer scores with it (validation, evaluation, cross-validation)
/// and serving does, so a bundle scores exactly as it was judged. Immutable and thread-safe.
/// </summary>
public sealed class TextClassifier
{
    public TextClassifier(NgramFeaturizer featurizer, LinearHeads heads)
    {
        if (heads.FeatureCount != featurizer.Size)
        {
            throw new ArgumentException($"the classifiers take {heads.FeatureCount} features; the featuriser makes {featurizer.Size}", nameof(heads));
        }

        Featurizer = featurizer;
        Heads = heads;
    }

    public NgramFeaturizer Featurizer { get; }

    public LinearHeads Heads { get; }

    public int LabelCount => Heads.LabelCount;

    /// <summary>Scores a normalised text into <paramref name="output"/>.</summary>
    public void Predict(string normalizedText, LabelScores output)
    {
        Featurizer.Featurize(normalizedText, out var slots, out var values);
        Heads.Score(slots, values, output);
    }

    /// <summary>Every text's probabilities, in label order (the trainer's validation and evaluation scores).</summary>
    public float[][] Probabilities(IReadOnlyList<string> normalizedTexts)
    {
        var output = new LabelScores();
        var results = new float[normalizedTexts.Count][];
        for (var i = 0; i < results.Length; i++)
        {
            Predict(normalizedTexts[i], output);
            results[i] = (float[])output.Probabilities.Clone();
        }

        return results;
    }
}
