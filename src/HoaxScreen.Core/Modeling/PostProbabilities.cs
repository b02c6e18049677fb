using Microsoft.ML.Data;

namespace HoaxScreen.Core.Modeling;

/// <summary>ML.NET output row: per label, in the manifest's label order, its probability and its raw margin.</summary>
public sealed class PostProbabilities
{
    [ColumnName(ModelColumns.Probabilities)]
    public float[] Probabilities { get; set; } = [];

    /// <summary>Raw classifier scores (log-odds scale); unlike probabilities they do not saturate at 1, so explanations use them.</summary>
    [ColumnName(ModelColumns.Margins)]
    public float[] Margins { get; set; } = [];
}
