using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Training.Pipeline;

/// <summary>
/// The IDF weight of every feature slot of a fitted featuriser, for the bundle's <see cref="FeatureWeightsFile"/>.
/// ML.NET does not expose them, so the same featuriser is fitted again on the same texts without the L2 norm (the
/// same vocabulary in the same slot order, checked by slot name) and each slot's raw value read off the texts: with
/// "idf" weighting an n-gram's value in any post that holds it is its IDF.
/// </summary>
public static class FeatureWeights
{
    /// <summary>The weights, or null for settings the serving fast path does not reproduce (it then scores through the chain).</summary>
    public static float[]? Compute(MLContext ml, TrainerSettings settings, IReadOnlyList<string> fitTexts, ITransformer model)
    {
        if (settings.Featurizer != "text" || settings.Weighting != "idf" || model is not TransformerChain<ITransformer> chain)
        {
            return null;
        }

        var data = ml.Data.LoadFromEnumerable(fitTexts.Select(t => new PostInput { Text = t }));
        var raw = TrainingPipeline.BuildFeaturizer(ml, settings, l2Normalize: false).Fit(data);
        var names = SlotNames(chain.First().GetOutputSchema(data.Schema));
        if (names is null || SlotNames(raw.GetOutputSchema(data.Schema)) is not { } rawNames || !names.SequenceEqual(rawNames))
        {
            return null;
        }

        var weights = new float[names.Length];
        var seen = new bool[names.Length];
        foreach (var row in raw.Transform(data).GetColumn<VBuffer<float>>(ModelColumns.Features))
        {
            var indices = row.GetIndices();
            var values = row.GetValues();
            for (var i = 0; i < values.Length; i++)
            {
                var slot = row.IsDense ? i : indices[i];
                if (values[i] != 0)
                {
                    weights[slot] = values[i];
                    seen[slot] = true;
                }
            }
        }

        // Every slot comes from these texts; one without a value (an IDF of 0: an n-gram in every post) cannot be told
        // apart from an absent one, so no fast path rather than a guess.
        return seen.All(s => s) ? weights : null;
    }

    private static string[]? SlotNames(DataViewSchema schema)
    {
        if (schema.GetColumnOrNull(ModelColumns.Features) is not { } column)
        {
            return null;
        }

        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => n.ToString())];
    }
}
