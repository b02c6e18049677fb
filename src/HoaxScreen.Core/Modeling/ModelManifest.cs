using HoaxScreen.Core.Data;
using HoaxScreen.Core.Text;

namespace HoaxScreen.Core.Modeling;

/// <summary>manifest.json of a model bundle: everything needed to serve and to audit the model.</summary>
public sealed record ModelManifest
{
    /// <summary>2: the classifiers in model.zip read the features of features.ngrams (format 1 bundles held ML.NET's text featuriser; retrain them).</summary>
    public const int CurrentFormat = 2;

    public int Format { get; init; } = CurrentFormat;

    public required string Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required IReadOnlyList<LabelManifest> Labels { get; init; }

    public required IReadOnlyList<SourceManifest> Sources { get; init; }

    public required TrainerSettings Trainer { get; init; }

    public required NormalizerSettings Normalizer { get; init; }

    public required string Split { get; init; }

    public double TrainingSeconds { get; init; }

    /// <summary>k-fold cross-validation of the recipe (train --folds K); null when it was not run.</summary>
    public CrossValidationSummary? CrossValidation { get; init; }

    /// <summary>The licence of the bundle (SPDX id), from the recipe; null when the recipe names none.</summary>
    public string? License { get; init; }

    /// <summary>What the model is for and its known limits, from the recipe; null when the recipe has none.</summary>
    public ModelCard? Card { get; init; }

    /// <summary>
    /// Every file of the bundle but manifest.json, with its size and SHA-256, sorted by path (relative, '/'-separated;
    /// names starting with '.' are left out). Serving refuses a bundle whose files do not match (see
    /// <see cref="ModelBundle.VerifyFiles"/>). Written last by the trainer, rewritten by the CLI's <c>seal</c>; null in
    /// bundles written before bundles were sealed, which are refused too.
    /// </summary>
    public IReadOnlyList<FileManifest>? Files { get; init; }
}

/// <summary>A label the model scores, its decision threshold and its held-out metrics.</summary>
public sealed record LabelManifest(string Name, double Threshold, int TrainRows, int TrainPositives, LabelMetrics Metrics)
{
    /// <summary>The L2 penalty this label's classifier was trained with (chosen on the validation split).</summary>
    public float? L2Regularization { get; init; }

    /// <summary>Where the threshold was chosen: the validation split, or the out-of-fold scores of cross-validation.</summary>
    public string? ThresholdChosenOn { get; init; }
}

/// <summary>
/// Binary metrics of one label on the evaluation split, at the label's threshold. <paramref name="Ece"/> (expected
/// calibration error, 10 equal-width bins weighted by row count) and <paramref name="Brier"/> (mean squared error of
/// the probability) judge the scores themselves; they are null in bundles written before they were recorded.
/// </summary>
public sealed record LabelMetrics(
    int Rows, int Positives, double Precision, double Recall, double F1, double? RocAuc, double Accuracy, double? Ece = null, double? Brier = null);

/// <summary>One file of a bundle: its path relative to the bundle ('/' separators), its size in bytes and its SHA-256 (lower-case hex).</summary>
public sealed record FileManifest(string Path, long Bytes, string Sha256);

/// <summary>
/// A source file the model was trained from, with its row count and SHA-256. <see cref="Defaults"/> are the labels
/// whose unknown cells the recipe declared negative (or positive) for this source.
/// </summary>
public sealed record SourceManifest(string Path, int Rows, string Sha256, string TextColumn, IReadOnlyDictionary<string, string> Labels)
{
    public IReadOnlyDictionary<string, int>? Defaults { get; init; }
}
