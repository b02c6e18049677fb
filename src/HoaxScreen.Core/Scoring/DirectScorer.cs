using HoaxScreen.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// The serving fast path: <see cref="NgramFeaturizer"/> straight into every label's linear head, with no ML.NET row
/// pipeline between them. Used only for bundles where it scores a set of probe texts as the chain does; each text it
/// cannot reproduce exactly is scored by the chain (see <see cref="ScoringModel"/>).
/// </summary>
internal sealed class DirectScorer
{
    private static readonly string[] Probes =
    [
        "cek canary hoaxscreen", "dasar anjing lu", "sebarkan sebelum dihapus info valid", "", "kafir pengguna tautan",
        "pemerintah bohong lagi  tidak apa apa", "vaksin mengandung chip 5g sebarkan", "selamat pagi semua semoga sehat selalu",
    ];

    // Texts with surrogate pairs (emoji), which the fast path takes only for bundles whose trainer resolved their slots:
    // when it takes one, it must score it as the chain does.
    private static readonly string[] EmojiProbes =
    [
        "mantap \U0001F600 sekali \U0001F64F", "\U0001F525", "hoax \U0001F621\U0001F621 sebarkan \U0001F44D\U0001F3FD", "\U0001F1EE\U0001F1E9 indonesia",
    ];

    private readonly NgramFeaturizer _featurizer;
    private readonly LinearHeads.HeadScorer _heads;

    private DirectScorer(NgramFeaturizer featurizer, LinearHeads.HeadScorer heads)
    {
        _featurizer = featurizer;
        _heads = heads;
    }

    /// <summary>
    /// The fast path for a chain written by the trainer with its feature weights and its label heads (as
    /// <see cref="LinearHeads.Extract"/> reads them), or null when the bundle lacks what it
    /// needs or any probe it takes scores differently from <paramref name="reference"/> (margins within 1e-4, probabilities 1e-5).
    /// </summary>
    public static DirectScorer? TryCreate(
        MLContext ml, ITransformer model, ITransformer reference, ModelManifest manifest, FeatureWeights? weights, LinearHeads.HeadScorer heads)
    {
        if (weights is null || model is not TransformerChain<ITransformer> chain
            || NgramFeaturizer.TryCreate(ml, chain.First(), manifest.Trainer, weights) is not { } featurizer
            || heads.FeatureCount != featurizer.Size)
        {
            return null;
        }

        var scorer = new DirectScorer(featurizer, heads);
        using var engine = ml.Model.CreatePredictionEngine<PostInput, PostProbabilities>(reference);
        var expected = new PostProbabilities();
        var actual = new PostProbabilities();
        foreach (var probe in Probes.Concat(EmojiProbes))
        {
            engine.Predict(new PostInput { Text = probe }, ref expected);
            var taken = scorer.TryScore(probe, actual);
            if (!taken && EmojiProbes.Contains(probe))
            {
                continue;
            }

            if (!taken
                || !LinearHeads.Close(expected.Probabilities, actual.Probabilities, 1e-5f)
                || !LinearHeads.Close(expected.Margins, actual.Margins, 1e-4f))
            {
                return null;
            }
        }

        return scorer;
    }

    /// <summary>Whether posts with emoji take this path (see <see cref="NgramFeaturizer.TakesSurrogates"/>).</summary>
    public bool TakesEmoji => _featurizer.TakesSurrogates;

    /// <summary>Scores a normalised text into <paramref name="output"/>; false (output untouched) when the chain must.</summary>
    public bool TryScore(string normalizedText, PostProbabilities output)
    {
        if (!_featurizer.TryFeaturize(normalizedText, out var slots, out var values))
        {
            return false;
        }

        _heads.Score(slots, values, output);
        return true;
    }
}
