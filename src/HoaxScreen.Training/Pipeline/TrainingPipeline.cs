using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace HoaxScreen.Training.Pipeline;

/// <summary>
/// The pure pipeline definitions: one shared text featuriser, and a binary classifier per label
/// that reads its features. No I/O here, so tests can build and fit it on small data.
/// </summary>
public static class TrainingPipeline
{
    /// <summary>Word 1..n-grams plus character n-grams (which survive typos and slang spellings), L2-normalised.</summary>
    /// <param name="l2Normalize">False gives the raw n-gram weights (see <see cref="FeatureWeightsExtractor"/>).</param>
    public static IEstimator<ITransformer> BuildFeaturizer(MLContext ml, TrainerSettings settings, bool l2Normalize = true)
    {
        if (settings.Featurizer == "blocks")
        {
            return BuildBlockFeaturizer(ml, settings);
        }

        var weighting = ToWeightingCriteria(settings.Weighting);
        var options = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = settings.WordNgramLength,
                UseAllLengths = true,
                Weighting = weighting,
            },
            CharFeatureExtractor = settings.CharNgramLength > 0
                ? new WordBagEstimator.Options
                {
                    NgramLength = settings.CharNgramLength,
                    UseAllLengths = settings.CharNgramAllLengths,
                    Weighting = weighting,
                }
                : null,
            Norm = l2Normalize ? TextFeaturizingEstimator.NormFunction.L2 : TextFeaturizingEstimator.NormFunction.None,
        };
        return ml.Transforms.Text.FeaturizeText(ModelColumns.Features, options, ModelColumns.Text);
    }

    /// <summary>Word n-grams and character 1..n-grams, each block L2-normalised on its own, then side by side.</summary>
    private static IEstimator<ITransformer> BuildBlockFeaturizer(MLContext ml, TrainerSettings settings)
    {
        var weighting = ToWeightingCriteria(settings.Weighting);
        IEstimator<ITransformer> features = ml.Transforms.Text.TokenizeIntoWords("Words", ModelColumns.Text)
            .Append(ml.Transforms.Conversion.MapValueToKey("WordKeys", "Words"))
            .Append(ml.Transforms.Text.ProduceNgrams("WordNgrams", "WordKeys", settings.WordNgramLength, useAllLengths: true, weighting: weighting))
            .Append(ml.Transforms.NormalizeLpNorm("WordNgrams"));
        if (settings.CharNgramLength == 0)
        {
            return features.Append(ml.Transforms.CopyColumns(ModelColumns.Features, "WordNgrams"));
        }

        return features
            .Append(ml.Transforms.Text.TokenizeIntoCharactersAsKeys("Chars", ModelColumns.Text, useMarkerCharacters: true))
            .Append(ml.Transforms.Text.ProduceNgrams("CharNgrams", "Chars", settings.CharNgramLength, useAllLengths: settings.CharNgramAllLengths, weighting: weighting))
            .Append(ml.Transforms.NormalizeLpNorm("CharNgrams"))
            .Append(ml.Transforms.Concatenate(ModelColumns.Features, "WordNgrams", "CharNgrams"));
    }

    private static NgramExtractingEstimator.WeightingCriteria ToWeightingCriteria(string weighting) => weighting switch
    {
        "tfidf" => NgramExtractingEstimator.WeightingCriteria.TfIdf,
        "idf" => NgramExtractingEstimator.WeightingCriteria.Idf,
        _ => NgramExtractingEstimator.WeightingCriteria.Tf,
    };

    /// <summary>A calibrated binary classifier for one label; feed it cached features (see <see cref="MultiLabelModelBuilder"/>).</summary>
    public static IEstimator<ITransformer> BuildClassifier(MLContext ml, TrainerSettings settings)
    {
        return settings.Algorithm switch
        {
            "lbfgs" => (IEstimator<ITransformer>)ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = ModelColumns.Label,
                FeatureColumnName = ModelColumns.Features,
                L2Regularization = settings.L2Regularization ?? 1f,
                MaximumNumberOfIterations = settings.MaximumIterations ?? 100,
                NumberOfThreads = 1,
            }),
            _ => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = ModelColumns.Label,
                FeatureColumnName = ModelColumns.Features,
                L2Regularization = settings.L2Regularization ?? 1e-5f,
                MaximumNumberOfIterations = settings.MaximumIterations,
                ConvergenceTolerance = settings.ConvergenceTolerance ?? 0.1f,
                // One thread keeps training reproducible for a seeded context.
                NumberOfThreads = 1,
            }),
        };
    }
}
