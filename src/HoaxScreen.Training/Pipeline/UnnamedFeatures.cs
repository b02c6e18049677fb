using HoaxScreen.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Training.Pipeline;

/// <summary>
/// A classifier's training data without the feature vector's slot names. Each predictor stores its training schema in
/// the bundle, annotations included, so with the names every label kept a copy of the whole vocabulary: 2.9 MB per
/// label in the model file and about 30 MB per label once loaded for a model trained on all the public data. The
/// featuriser keeps its own names, which is where the serving path reads them.
/// </summary>
internal static class UnnamedFeatures
{
    /// <summary>The label and features of <paramref name="featurized"/>, in memory and cached, with no annotations.</summary>
    public static IDataView Of(MLContext ml, IDataView featurized)
    {
        if (featurized.Schema[ModelColumns.Features].Type is not VectorDataViewType { Size: > 0 } vector)
        {
            throw new InvalidOperationException($"the {ModelColumns.Features} column is not a vector of known size");
        }

        // A new row object per row, so each keeps its own buffers.
        var rows = ml.Data.CreateEnumerable<Row>(featurized, reuseRowObject: false).ToList();
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[ModelColumns.Features].ColumnType = vector;
        return ml.Data.Cache(ml.Data.LoadFromEnumerable(rows, definition));
    }

    /// <summary>ML.NET schema type: one training row of one label.</summary>
    private sealed class Row
    {
        [ColumnName(ModelColumns.Label)]
        public bool Label { get; set; }

        [ColumnName(ModelColumns.Features)]
        public VBuffer<float> Features { get; set; }
    }
}
