using HoaxScreen.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace HoaxScreen.Core.Adaptation;

/// <summary>
/// The base bundle's classifier chain (<c>model.zip</c>) with each label's linear head and Platt calibrator, and the
/// chain an adapted bundle ships: the same chain with the adapted labels' heads replaced. An adapted head is still one
/// Platt-calibrated linear model over the same features (α·ℓ + β + v·x is linear in x), so serving needs nothing new.
/// </summary>
public sealed class BaseHeads
{
    private readonly MLContext _ml;
    private readonly TransformerChain<ITransformer> _chain;
    private readonly int[] _positions;
    private readonly CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>[] _heads;

    // Whether ML.NET's Platt calibrator reads p = σ(slope·m + offset) (+1) or σ(−(slope·m + offset)) (−1).
    private readonly int _sign;

    private BaseHeads(MLContext ml, TransformerChain<ITransformer> chain, DataViewSchema inputSchema, int[] positions,
        CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>[] heads)
    {
        _ml = ml;
        _chain = chain;
        InputSchema = inputSchema;
        _positions = positions;
        _heads = heads;
        _sign = MlNetHeads.Platt(ml, 1, 0).PredictProbability(2f) > 0.5f ? 1 : -1;
    }

    public DataViewSchema InputSchema { get; }

    public ITransformer Chain => _chain;

    public static BaseHeads Load(MLContext ml, string bundleDirectory, int labelCount)
    {
        var path = Path.Combine(bundleDirectory, ModelBundle.ModelFile);
        var model = ml.Model.Load(path, out var schema);
        if (model is not TransformerChain<ITransformer> chain)
        {
            throw new ModelBundleException($"{path}: not a classifier chain");
        }

        var positions = new List<int>();
        var heads = new List<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>();
        var position = 0;
        foreach (var part in chain)
        {
            if (part is ISingleFeaturePredictionTransformer<object> { Model: CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> head })
            {
                positions.Add(position);
                heads.Add(head);
            }

            position++;
        }

        return heads.Count == labelCount
            ? new BaseHeads(ml, chain, schema, [.. positions], [.. heads])
            : throw new ModelBundleException($"{path}: {heads.Count} classifiers for {labelCount} labels");
    }

    /// <summary>The base's logit for a label from its margin w·x + b: what its Platt calibrator turns into the probability.</summary>
    public double Logit(int label, double margin)
    {
        var calibrator = _heads[label].Calibrator;
        return _sign * (calibrator.Slope * margin + calibrator.Offset);
    }

    /// <summary>The chain with each label's head replaced by its fit (labels with a null fit keep the base head object).</summary>
    public TransformerChain<ITransformer> WithHeads(IReadOnlyList<ResidualFit?> fits)
    {
        var parts = _chain.ToArray();
        for (var label = 0; label < fits.Count; label++)
        {
            if (fits[label] is { } fit)
            {
                parts[_positions[label]] = Combine(label, fit);
            }
        }

        return new TransformerChain<ITransformer>(parts);
    }

    /// <summary>
    /// f = α·(a·(w·x + b) + c) + β + v·x, with (a, c) the base's calibrator in σ(a·m + c) form, as one linear model
    /// (weights α·a·w + v, bias α·(a·b + c) + β) and a calibrator that is σ itself.
    /// </summary>
    private ITransformer Combine(int label, ResidualFit fit)
    {
        var head = _heads[label];
        var a = _sign * head.Calibrator.Slope;
        var c = _sign * head.Calibrator.Offset;
        var baseWeights = head.SubModel.Weights.ToArray();
        var weights = new float[baseWeights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(fit.Alpha * a * baseWeights[i]);
        }

        foreach (var (slot, weight) in fit.Correction)
        {
            weights[slot] += (float)weight;
        }

        var bias = (float)(fit.Alpha * (a * head.SubModel.Bias + c) + fit.Beta);
        return MlNetHeads.Transformer(_ml, MlNetHeads.Calibrated(_ml, weights, bias, MlNetHeads.Platt(_ml, _sign, 0)), InputSchema);
    }

}
