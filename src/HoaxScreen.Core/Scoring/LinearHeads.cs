using HoaxScreen.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// A serving shortcut for bundles whose labels are all calibrated linear classifiers (what the trainer writes): the
/// chain's per-label steps (predictor, calibrator, column copies, the final concatenation) are replaced by one mapping
/// that reads the shared feature vector once and computes every label's margin (w·x + b) and Platt probability from
/// the weights stored in the bundle. Same numbers as the chain as saved (checked at load and in tests), about a third
/// less time per post, since ML.NET spends more on moving columns between those steps than on the dot products.
/// </summary>
internal static class LinearHeads
{
    /// <summary>
    /// The featuriser followed by one mapping for all labels, or null when the chain does not have the trainer's shape
    /// (featuriser, then per label a calibrated linear predictor and its column copies, then the concatenation).
    /// </summary>
    public static ITransformer? Fuse(MLContext ml, ITransformer model, int labelCount) =>
        Extract(model, labelCount) is { } scorer ? Fuse(ml, model, scorer) : null;

    /// <summary>The featuriser of a chain of the trainer's shape followed by one mapping for <paramref name="scorer"/>'s labels.</summary>
    public static ITransformer? Fuse(MLContext ml, ITransformer model, HeadScorer scorer)
    {
        var parts = ((TransformerChain<ITransformer>)model).ToArray();
        try
        {
            var featurised = parts[0].Transform(ml.Data.LoadFromEnumerable(Array.Empty<PostInput>()));
            if (featurised.Schema.GetColumnOrNull(ModelColumns.Features) is not { Type: VectorDataViewType { ItemType: var item, Size: var size } vector }
                || item != NumberDataViewType.Single
                || scorer.FeatureCount != size)
            {
                return null;
            }

            var input = SchemaDefinition.Create(typeof(FeatureCache.FeatureRow));
            input[ModelColumns.Features].ColumnType = vector;
            var output = SchemaDefinition.Create(typeof(PostProbabilities));
            output[ModelColumns.Probabilities].ColumnType = new VectorDataViewType(NumberDataViewType.Single, scorer.LabelCount);
            output[ModelColumns.Margins].ColumnType = new VectorDataViewType(NumberDataViewType.Single, scorer.LabelCount);
            var mapping = ml.Transforms.CustomMapping<FeatureCache.FeatureRow, PostProbabilities>(scorer.Map, contractName: null, input, output)
                .Fit(featurised);
            return new TransformerChain<ITransformer>(parts[0], mapping);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Every label's weights, bias and calibrator, read from a chain of the trainer's shape (featuriser, then per label a
    /// calibrated linear predictor and its column copies, then the concatenation); null for any other shape.
    /// </summary>
    public static HeadScorer? Extract(ITransformer model, int labelCount)
    {
        if (model is not TransformerChain<ITransformer> chain)
        {
            return null;
        }

        var parts = chain.ToArray();
        var heads = new List<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>(labelCount);
        foreach (var part in parts.Skip(1))
        {
            if (part is not ISingleFeaturePredictionTransformer<object> predictor)
            {
                continue;
            }

            if (predictor.Model is not CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> calibrated)
            {
                return null;
            }

            heads.Add(calibrated);
        }

        if (heads.Count != labelCount || parts.Length < 2 || heads.Select(h => h.SubModel.Weights.Count).Distinct().Count() != 1)
        {
            return null;
        }

        // Slot-major: a feature's weights for every label sit side by side, so a sparse dot product reads one cache
        // line per feature instead of one per feature and label (8 labels × 415,000 features is 13 MB for a big model).
        var features = heads[0].SubModel.Weights.Count;
        var weights = new float[features * heads.Count];
        for (var h = 0; h < heads.Count; h++)
        {
            var i = h;
            foreach (var weight in heads[h].SubModel.Weights)
            {
                weights[i] = weight;
                i += heads.Count;
            }
        }

        return new HeadScorer(weights, [.. heads.Select(h => h.SubModel.Bias)], [.. heads.Select(h => h.Calibrator)]);
    }

    /// <summary>
    /// <see cref="Fuse(MLContext, ITransformer, HeadScorer)"/>, kept only when it scores a few probe texts exactly as <paramref name="reference"/> does
    /// (a bundle written by another ML.NET version could store its calibrator differently); otherwise the reference.
    /// </summary>
    public static ITransformer FuseIfEquivalent(MLContext ml, ITransformer model, ITransformer reference, HeadScorer scorer)
    {
        if (Fuse(ml, model, scorer) is not { } fused)
        {
            return reference;
        }

        using var fast = ml.Model.CreatePredictionEngine<PostInput, PostProbabilities>(fused);
        using var slow = ml.Model.CreatePredictionEngine<PostInput, PostProbabilities>(reference);
        var expected = new PostProbabilities();
        var actual = new PostProbabilities();
        foreach (var probe in Probes)
        {
            var input = new PostInput { Text = probe };
            slow.Predict(input, ref expected);
            fast.Predict(input, ref actual);
            if (!Close(expected.Probabilities, actual.Probabilities, 1e-5f) || !Close(expected.Margins, actual.Margins, 1e-4f))
            {
                return reference;
            }
        }

        return fused;
    }

    private static readonly string[] Probes =
        ["cek canary hoaxscreen", "dasar anjing lu", "sebarkan sebelum dihapus info valid", "", "kafir 😡 pengguna tautan"];

    internal static bool Close(float[] expected, float[] actual, float tolerance) =>
        expected.Length == actual.Length && expected.Zip(actual).All(p => Math.Abs(p.First - p.Second) <= tolerance);

    /// <summary>Every label's margin and probability from one feature vector.</summary>
    /// <param name="weights">Slot-major: the weight of feature <c>f</c> for label <c>h</c> at <c>f × labels + h</c>.</param>
    internal sealed class HeadScorer(float[] weights, float[] biases, PlattCalibrator[] calibrators)
    {
        private readonly int _labels = biases.Length;

        public int LabelCount => _labels;

        public int FeatureCount => weights.Length / _labels;

        /// <summary>Scores a sparse feature vector given as (slot, value) pairs in slot order.</summary>
        public void Score(ReadOnlySpan<int> slots, ReadOnlySpan<float> values, PostProbabilities output)
        {
            Prepare(output);
            // Each label's sum runs over the features in slot order, as a dot product per label would: the same floats.
            var dots = output.Margins.AsSpan();
            dots.Clear();
            for (var i = 0; i < values.Length; i++)
            {
                var row = weights.AsSpan(slots[i] * _labels, _labels);
                var value = values[i];
                for (var h = 0; h < row.Length; h++)
                {
                    dots[h] += row[h] * value;
                }
            }

            Finish(output);
        }

        public void Map(FeatureCache.FeatureRow input, PostProbabilities output)
        {
            Prepare(output);
            var features = input.Features;
            var values = features.GetValues();
            var indices = features.IsDense ? default : features.GetIndices();
            var dots = output.Margins.AsSpan();
            dots.Clear();
            for (var i = 0; i < values.Length; i++)
            {
                var row = weights.AsSpan((features.IsDense ? i : indices[i]) * _labels, _labels);
                var value = values[i];
                for (var h = 0; h < row.Length; h++)
                {
                    dots[h] += row[h] * value;
                }
            }

            Finish(output);
        }

        // Margins hold the dot products; add the biases, then calibrate.
        private void Finish(PostProbabilities output)
        {
            for (var h = 0; h < _labels; h++)
            {
                var margin = biases[h] + output.Margins[h];
                output.Margins[h] = margin;
                output.Probabilities[h] = calibrators[h].PredictProbability(margin);
            }
        }

        private void Prepare(PostProbabilities output)
        {
            if (output.Probabilities.Length != _labels)
            {
                output.Probabilities = new float[_labels];
                output.Margins = new float[_labels];
            }
        }
    }
}
