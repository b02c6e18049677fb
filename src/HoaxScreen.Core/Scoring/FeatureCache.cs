using HoaxScreen.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// Makes a bundle's chain featurise each post once when it is scored. ML.NET does not keep a computed column within a
/// row: every getter call recomputes it. A bundle's chain is Text → Features → one classifier per label, and each
/// classifier asks for <c>Features</c> (its probability and its margin once each), so without a cache the text
/// featuriser ran once per label and output, about four-fifths of the time of a post. A pass-through custom mapping
/// right after the featuriser is evaluated once per row (ML.NET caches a custom mapping's output by row position), and
/// every classifier reads its copy. The features, and so the scores, are bit-for-bit what the original chain computes.
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

        var input = ml.Data.LoadFromEnumerable(Array.Empty<PostInput>());
        var featurised = parts[0].Transform(input);
        if (featurised.Schema.GetColumnOrNull(ModelColumns.Features) is not { Type: VectorDataViewType { ItemType: var item, Size: > 0 } vector }
            || item != NumberDataViewType.Single
            || input.Schema.GetColumnOrNull(ModelColumns.Features) is not null)
        {
            return model;
        }

        var definition = SchemaDefinition.Create(typeof(FeatureRow));
        definition[ModelColumns.Features].ColumnType = vector;
        var cache = ml.Transforms.CustomMapping<FeatureRow, FeatureRow>(PassThrough, contractName: null, definition, definition)
            .Fit(featurised);
        return new TransformerChain<ITransformer>([parts[0], cache, .. parts[1..]]);
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
