namespace HoaxScreen.Core.Modeling;

/// <summary>
/// k-fold cross-validation of a recipe over all its rows: each fold is scored by a model that never saw it, trained
/// (with its own thresholds) exactly as <c>train</c> trains. Metrics are the mean and sample standard deviation over
/// the folds.
/// </summary>
public sealed record CrossValidationSummary(
    int Folds,
    string FoldRule,
    IReadOnlyList<LabelCrossValidation> Labels,
    IReadOnlyList<CleanFlagRate> CleanFlagRates);

/// <summary>Mean and sample standard deviation of a metric over folds.</summary>
public sealed record MeanSpread(double Mean, double Spread);

/// <summary>One label over all sources that know it, and per source that has both positives and negatives.</summary>
public sealed record LabelCrossValidation(
    string Label,
    int Rows,
    int Positives,
    MeanSpread Precision,
    MeanSpread Recall,
    MeanSpread F1,
    MeanSpread? RocAuc,
    IReadOnlyList<SourceCrossValidation> Sources);

/// <summary>A label's fold metrics on the rows of one source.</summary>
public sealed record SourceCrossValidation(string Source, int Rows, int Positives, MeanSpread F1, MeanSpread? RocAuc);

/// <summary>
/// How many of a source's clean posts (every known label 0) a label flags out of fold, at that fold's threshold.
/// For a source that does not carry the label this is the false-alarm rate on ordinary posts it was never told about.
/// </summary>
public sealed record CleanFlagRate(string Label, string Source, bool SourceKnowsLabel, int CleanPosts, int Flagged)
{
    public double Rate => CleanPosts == 0 ? 0 : (double)Flagged / CleanPosts;
}
