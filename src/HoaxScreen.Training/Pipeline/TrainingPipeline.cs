using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace HoaxScreen.Training.Pipeline;

/// <summary>
/// The classifiers a recipe may name (<see cref="TrainerSettings.Algorithm"/>), each a calibrated linear model over the
/// features of <see cref="Core.Featurization.NgramFeaturizer"/>: serving scores linear heads directly, so a
/// non-linear trainer would need a scoring path of its own and is not offered. Pure: no I/O, so tests fit small data.
/// </summary>
public static class TrainingPipeline
{
    /// <summary>Name → the estimator for one label, and whether the trainer picks each label's L2 among the recipe's candidates.</summary>
    private static readonly Dictionary<string, ClassifierFactory> Classifiers = new(StringComparer.Ordinal)
    {
        ["sdca"] = new(TunesL2: true, (ml, settings) => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = ModelColumns.Label,
            FeatureColumnName = ModelColumns.Features,
            L2Regularization = settings.L2Regularization ?? 1e-5f,
            MaximumNumberOfIterations = settings.MaximumIterations,
            ConvergenceTolerance = settings.ConvergenceTolerance ?? 0.1f,
            // One thread keeps training reproducible for a seeded context.
            NumberOfThreads = 1,
        })),
        ["lbfgs"] = new(TunesL2: false, (ml, settings) => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = ModelColumns.Label,
            FeatureColumnName = ModelColumns.Features,
            L2Regularization = settings.L2Regularization ?? 1f,
            MaximumNumberOfIterations = settings.MaximumIterations ?? 100,
            NumberOfThreads = 1,
        })),
    };

    /// <summary>The names <see cref="BuildClassifier"/> takes (the same as <see cref="TrainerSettings.ClassifierNames"/>, which validates recipes).</summary>
    public static IReadOnlyCollection<string> ClassifierNames => Classifiers.Keys;

    /// <summary>Whether <paramref name="settings"/>' trainer chooses each label's L2 penalty among <see cref="TrainerSettings.L2Candidates"/>.</summary>
    public static bool TunesL2(TrainerSettings settings) => settings.L2Regularization is null && Find(settings).TunesL2;

    /// <summary>A calibrated binary classifier for one label over <see cref="ModelColumns.Features"/>.</summary>
    public static IEstimator<ITransformer> BuildClassifier(MLContext ml, TrainerSettings settings) => Find(settings).Create(ml, settings);

    private static ClassifierFactory Find(TrainerSettings settings) =>
        Classifiers.GetValueOrDefault(settings.Algorithm)
        ?? throw new DataFormatException($"trainer.algorithm must be {string.Join(" or ", ClassifierNames.Select(n => $"'{n}'"))}, not '{settings.Algorithm}'");

    private sealed record ClassifierFactory(bool TunesL2, Func<MLContext, TrainerSettings, IEstimator<ITransformer>> Create);
}
