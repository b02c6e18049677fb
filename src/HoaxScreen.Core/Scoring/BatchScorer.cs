using HoaxScreen.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// Probabilities of many normalised texts with a single <c>Transform</c>, in label order (the trainer scores its
/// validation and evaluation rows with it). The chain gets a <see cref="FeatureCache"/>, so each text is featurised once.
/// </summary>
public static class BatchScorer
{
    public static float[][] Probabilities(MLContext ml, ITransformer model, IReadOnlyList<string> normalizedTexts, int labelCount)
    {
        var inputs = new PostInput[normalizedTexts.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = new PostInput { Text = normalizedTexts[i] };
        }

        var scored = FeatureCache.Insert(ml, model).Transform(ml.Data.LoadFromEnumerable(inputs));
        var column = scored.Schema[ModelColumns.Probabilities];
        var results = new float[inputs.Length][];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        var row = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            var dense = new float[labelCount];
            buffer.CopyTo(dense);
            results[row++] = dense;
        }

        return results;
    }
}
