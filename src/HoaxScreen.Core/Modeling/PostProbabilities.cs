using Microsoft.ML.Data;

namespace HoaxScreen.Core.Modeling;

/// <summary>ML.NET output row: one probability per label, in the manifest's label order.</summary>
public sealed class PostProbabilities
{
    [ColumnName(ModelColumns.Probabilities)]
    public float[] Probabilities { get; set; } = [];
}
