using HoaxScreen.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// Makes a bundle's chain featurise each post once when it is scored. ML.NET does not keep a computed column within a
/// row: every getter call recomputes it. A bundle's chain is Text → Features → one classifier per label, and each
/// classifier asks for <c>Features</c>, so without a cache the text featuriser's work was repeated for the labels (the
/// chain as saved costs about 2.7× the cached one on a tweet, 3.4× on a 2,000-character post; see bench/README.md). A
/// pass-through custom mapping right after the featuriser is evaluated once per row (ML.NET caches a custom mapping's
/// output by row position), and every classifier reads its copy. The features, and so the scores, are bit-for-bit what
/// the chain as saved computes (tested in ScoringPathEquivalenceTests).
/// </summary>
internal static class FeatureCache
{
    /// <summary>
    /// The chain with the cache after the transformer that produces <see cref="ModelColumns.Features"/>; the chain itself
    /// when it has no such shape (then it is scored as it is, only slower).
    /// </summary>
    public static ITransformer Insert(MLContext ml, ITransformer model)
    {
        if (model is not TransformerChain<ITransformer> chain)
        {
            return model;
        }

        var parts = chain.ToArray();
        if (parts.Length < 2)
        {
            return model;
        }

        try
        {
            var input = ml.Data.LoadFromEnumerable(Array.Empty<PostInput>());
            var featurised = parts[0].Transform(input);
            if (featurised.Schema.GetColumnOrNull(ModelColumns.Features) is not { Type: VectorDataViewType { ItemType: var item, Size: > 0 } vector }
                || item != NumberDataViewType.Single)
            {
                return model;
            }

            var definition = SchemaDefinition.Create(typeof(FeatureRow));
            definition[ModelColumns.Features].ColumnType = vector;
            var cache = ml.Transforms.CustomMapping<FeatureRow, FeatureRow>(PassThrough, contractName: null, definition, definition)
                .Fit(featurised);
            return new TransformerChain<ITransformer>([parts[0], cache, .. parts[1..]]);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // A chain of another shape (its first step needs other input): left as it is, and its own checks report it.
            return model;
        }
    }

    // The output shares the input's buffers: ML.NET copies them out of the row for each consumer and refills both per row.
    private static void PassThrough(FeatureRow input, FeatureRow output) => output.Features = input.Features;

    /// <summary>The row type of the cache: the feature vector alone.</summary>
    public sealed class FeatureRow
    {
        [ColumnName(ModelColumns.Features)]
        public VBuffer<float> Features { get; set; }
    }
}
