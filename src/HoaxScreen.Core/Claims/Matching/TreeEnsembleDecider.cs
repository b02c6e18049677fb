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
    private readonly Node[] _nodes;
    private readonly double[] _leaves;
    private readonly double _slope;
    private readonly double _offset;

    private TreeEnsembleDecider(int[] roots, Node[] nodes, double[] leaves, double slope, double offset, int featureCount)
    {
        _roots = roots;
        _nodes = nodes;

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
        var nodeList = new List<Node>();
        var leaves = new List<double>();
        foreach (var tree in ensemble.Trees)
        {
            var nodes = tree.NumberOfNodes;
            if (nodes < 1 || tree.NumberOfLeaves != nodes + 1 || tree.CategoricalSplitFlags.Any(flag => flag))
            {
                return null;
            }

            // Nodes and leaves of all trees in flat arrays: an inner node by its global index, a leaf as ~(global leaf index).
            var nodeBase = nodeList.Count;
            var leafBase = leaves.Count;
            roots.Add(nodeBase);
            for (var n = 0; n < nodes; n++)
            {
                nodeList.Add(new Node(
                    tree.NumericalSplitFeatureIndexes[n],
                    tree.NumericalSplitThresholds[n],
                    Child(tree.LeftChild[n], nodeBase, leafBase),
                    Child(tree.RightChild[n], nodeBase, leafBase)));
            }

            leaves.AddRange(tree.LeafValues);
        }

        return new TreeEnsembleDecider(
            [.. roots], [.. nodeList], [.. leaves], calibrator.Slope, calibrator.Offset, nodeList.Count == 0 ? 0 : nodeList.Max(n => n.Feature) + 1);
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

        if (HasNaN(features))
        {
            return float.NaN;
        }

        var output = 0.0;
        var nodes = _nodes;
        foreach (var root in _roots)
        {
            var node = root;
            while (node >= 0)
            {
                ref readonly var split = ref nodes[node];
                node = features[split.Feature] <= split.Threshold ? split.Left : split.Right;
            }

            output += _leaves[~node];
        }

        var score = (float)output;
        return (float)(1 / (1 + Math.Exp((_slope * score) + _offset)));
    }

    /// <summary>
    /// <see cref="Probability"/> of <paramref name="results"/>.Length feature vectors laid end to end in
    /// <paramref name="rows"/>, <paramref name="stride"/> floats apart.
    /// </summary>
    public void Probabilities(ReadOnlySpan<float> rows, int stride, Span<float> results)
    {
        if (rows.Length < stride * results.Length)
        {
            throw new ArgumentException($"{results.Length} vectors of {stride} features need {stride * results.Length} values", nameof(rows));
        }

        for (var v = 0; v < results.Length; v++)
        {
            results[v] = Probability(rows.Slice(v * stride, stride));
        }
    }

    private static bool HasNaN(ReadOnlySpan<float> features)
    {
        foreach (var value in features)
        {
            if (float.IsNaN(value))
            {
                return true;
            }
        }

        return false;
    }

    private static int Child(int child, int nodeBase, int leafBase) => child >= 0 ? nodeBase + child : ~(leafBase + ~child);

    /// <summary>An inner node: the feature it splits on, its threshold, and its two children (a leaf as ~index).</summary>
    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);
}
