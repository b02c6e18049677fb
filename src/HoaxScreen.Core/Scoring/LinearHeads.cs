using HoaxScreen.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// Every label's calibrated linear classifier read out of <c>model.zip</c>: weights, bias and Platt calibrator. Scores
/// a sparse feature vector for all labels at once (one pass over the post's features), the same arithmetic in training
/// (choosing thresholds, evaluating) and in serving. Immutable and thread-safe.
/// </summary>
public sealed class LinearHeads
{
    // Slot-major: a feature's weights for every label sit side by side, so a sparse dot product reads one cache line per
    // feature instead of one per feature and label (8 labels × 415,000 features is 13 MB for a big model).
    private readonly float[] _weights;
    private readonly float[] _biases;
    private readonly PlattCalibrator[] _calibrators;

    private LinearHeads(float[] weights, float[] biases, PlattCalibrator[] calibrators)
    {
        _weights = weights;
        _biases = biases;
        _calibrators = calibrators;
    }

    public int LabelCount => _biases.Length;

    public int FeatureCount => _weights.Length / _biases.Length;

    /// <summary>
    /// The heads of a classifier chain as the trainer writes it (per label a calibrated linear predictor over
    /// <see cref="ModelColumns.Features"/>, its column copies, then the concatenation), in label order;
    /// <see cref="ModelBundleException"/> naming the problem for any other shape.
    /// </summary>
    public static LinearHeads Extract(ITransformer model, int labelCount, string source)
    {
        if (model is not TransformerChain<ITransformer> chain)
        {
            throw new ModelBundleException($"{source}: not a classifier chain");
        }

        var heads = new List<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>(labelCount);
        foreach (var part in chain)
        {
            if (part is not ISingleFeaturePredictionTransformer<object> predictor)
            {
                continue;
            }

            if (predictor.Model is not CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> calibrated)
            {
                // Serving scores linear heads only (see docs/architecture.md): a tree ensemble or an uncalibrated model has no such weights.
                throw new ModelBundleException(
                    $"{source}: classifier {heads.Count + 1} is a {predictor.Model.GetType().Name}; only Platt-calibrated linear classifiers are served");
            }

            heads.Add(calibrated);
        }

        if (heads.Count != labelCount)
        {
            throw new ModelBundleException($"{source}: {heads.Count} classifiers for {labelCount} labels");
        }

        if (heads.Select(h => h.SubModel.Weights.Count).Distinct().Count() != 1)
        {
            throw new ModelBundleException($"{source}: the classifiers disagree on the number of features");
        }

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

        return new LinearHeads(weights, [.. heads.Select(h => h.SubModel.Bias)], [.. heads.Select(h => h.Calibrator)]);
    }

    /// <summary>Every label's margin (w·x + b) and probability for a sparse feature vector given as (slot, value) pairs.</summary>
    public void Score(ReadOnlySpan<int> slots, ReadOnlySpan<float> values, LabelScores output)
    {
        var labels = _biases.Length;
        output.Resize(labels);
        var dots = output.Margins.AsSpan();
        dots.Clear();
        for (var i = 0; i < values.Length; i++)
        {
            var row = _weights.AsSpan(slots[i] * labels, labels);
            var value = values[i];
            for (var h = 0; h < row.Length; h++)
            {
                dots[h] += row[h] * value;
            }
        }

        for (var h = 0; h < labels; h++)
        {
            var margin = _biases[h] + dots[h];
            output.Margins[h] = margin;
            var probability = _calibrators[h].PredictProbability(margin);
            output.Probabilities[h] = float.IsNaN(probability) ? 0f : probability;
        }
    }
}
