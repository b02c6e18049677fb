using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace HoaxScreen.Core.Claims.Matching;

/// <summary>
/// The fitted decider (ML.NET FastTree binary classifier with its Platt calibrator) evaluated straight from its trees,
/// computing what ML.NET computes: each tree walked from its root (left when the feature is at or below the split's
/// threshold), the leaf values summed in double in tree order, the sum cast to float, then
/// <c>(float)(1 / (1 + exp(slope · score + offset)))</c>. No PredictionEngine, no row objects: a candidate costs a
/// few hundred comparisons. Only models of exactly that shape are taken (numerical splits, every tree split at least
/// once); feature vectors with NaN are left to ML.NET, which may send them another way.
/// </summary>
public sealed class TreeEnsembleDecider
{
    private readonly int[] _roots;
    private readonly int[] _features;
    private readonly float[] _thresholds;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _leaves;
    private readonly double _slope;
    private readonly double _offset;

    private TreeEnsembleDecider(
        int[] roots, int[] features, float[] thresholds, int[] left, int[] right, double[] leaves, double slope, double offset, int featureCount)
    {
        _roots = roots;
        _features = features;
        _thresholds = thresholds;
        _left = left;
        _right = right;
        _leaves = leaves;
        _slope = slope;
        _offset = offset;
        FeatureCount = featureCount;
    }

    /// <summary>How many features the trees read at most (one more than the highest split feature).</summary>
    public int FeatureCount { get; }

    /// <summary>How many trees the ensemble has.</summary>
    public int Trees => _roots.Length;

    /// <summary>The decider's trees and calibrator, or null when <paramref name="decider"/> is not a calibrated FastTree binary model of the plain shape.</summary>
    public static TreeEnsembleDecider? TryCreate(ITransformer decider)
    {
        if (decider is not BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> binary
            || binary.Model.SubModel?.TrainedTreeEnsemble is not { } ensemble
            || binary.Model.Calibrator is not { } calibrator)
        {
            return null;
        }

        var roots = new List<int>();
        var features = new List<int>();
        var thresholds = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var leaves = new List<double>();
        foreach (var tree in ensemble.Trees)
        {
            var nodes = tree.NumberOfNodes;
            if (nodes < 1 || tree.NumberOfLeaves != nodes + 1 || tree.CategoricalSplitFlags.Any(flag => flag))
            {
                return null;
            }

            // Nodes and leaves of all trees in flat arrays: an inner node by its global index, a leaf as ~(global leaf index).
            var nodeBase = features.Count;
            var leafBase = leaves.Count;
            roots.Add(nodeBase);
            for (var n = 0; n < nodes; n++)
            {
                features.Add(tree.NumericalSplitFeatureIndexes[n]);
                thresholds.Add(tree.NumericalSplitThresholds[n]);
                left.Add(Child(tree.LeftChild[n], nodeBase, leafBase));
                right.Add(Child(tree.RightChild[n], nodeBase, leafBase));
            }

            leaves.AddRange(tree.LeafValues);
        }

        return new TreeEnsembleDecider(
            [.. roots], [.. features], [.. thresholds], [.. left], [.. right], [.. leaves], calibrator.Slope, calibrator.Offset,
            features.Count == 0 ? 0 : features.Max() + 1);
    }

    /// <summary>
    /// The calibrated match probability for one feature vector, or NaN when a feature is NaN (ask ML.NET then).
    /// </summary>
    public float Probability(ReadOnlySpan<float> features)
    {
        if (features.Length < FeatureCount)
        {
            throw new ArgumentException($"{features.Length} features; the trees read {FeatureCount}", nameof(features));
        }

        foreach (var value in features)
        {
            if (float.IsNaN(value))
            {
                return float.NaN;
            }
        }

        var output = 0.0;
        foreach (var root in _roots)
        {
            var node = root;
            while (node >= 0)
            {
                node = features[_features[node]] <= _thresholds[node] ? _left[node] : _right[node];
            }

            output += _leaves[~node];
        }

        var score = (float)output;
        return (float)(1 / (1 + Math.Exp((_slope * score) + _offset)));
    }

    private static int Child(int child, int nodeBase, int leafBase) => child >= 0 ? nodeBase + child : ~(leafBase + ~child);
}
