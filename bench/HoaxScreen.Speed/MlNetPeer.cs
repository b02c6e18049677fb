using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace HoaxScreen.Speed;

/// <summary>
/// ML.NET's FeaturizeText (lower case, no diacritics or punctuation, word 1-2-grams and character 4-grams, IDF, L2)
/// followed by one calibrated SDCA classifier per label: the chain HoaxScreen served before its own featuriser, as a
/// peer for the breakdown benchmarks. Engines are not thread-safe: one per benchmark thread.
/// </summary>
public sealed class MlNetPeer(MLContext ml, ITransformer featurizer, ITransformer chain)
{
    public static MlNetPeer Fit(ScoringModel model, string[] posts)
    {
        var ml = new MLContext(seed: 1);
        var normalized = posts.Select(model.Normalizer.Normalize).ToArray();
        var verdicts = model.ScoreBatch(posts);
        var texts = ml.Data.LoadFromEnumerable(normalized.Select(t => new TextRow { Text = t }));
        var featurizer = ml.Transforms.Text.FeaturizeText(ModelColumns.Features, new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.Idf },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false, Weighting = NgramExtractingEstimator.WeightingCriteria.Idf },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        }, ModelColumns.Text).Fit(texts);

        var parts = new List<ITransformer> { featurizer };
        var current = featurizer.Transform(texts);
        for (var l = 0; l < model.Labels.Count; l++)
        {
            var label = l;
            var rows = ml.Data.LoadFromEnumerable(normalized.Select((t, i) => new LabelledRow
            {
                Text = t,
                Label = verdicts[i].Labels.Any(v => v.Flagged) ? verdicts[i].Labels[label].Flagged : i % 2 == 0,
            }));
            var classifier = ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = ModelColumns.Label,
                FeatureColumnName = ModelColumns.Features,
                NumberOfThreads = 1,
            }).Fit(ml.Data.Cache(featurizer.Transform(rows)));
            var rename = ml.Transforms.CopyColumns(ModelColumns.ProbabilityOf(model.Labels[l]), "Probability")
                .Append(ml.Transforms.CopyColumns(ModelColumns.MarginOf(model.Labels[l]), "Score"))
                .Fit(classifier.Transform(current));
            parts.Add(classifier);
            parts.Add(rename);
            current = rename.Transform(classifier.Transform(current));
        }

        var concat = ml.Transforms.Concatenate(ModelColumns.Probabilities, [.. model.Labels.Select(ModelColumns.ProbabilityOf)])
            .Append(ml.Transforms.Concatenate(ModelColumns.Margins, [.. model.Labels.Select(ModelColumns.MarginOf)]))
            .Fit(current);
        parts.Add(concat);
        return new MlNetPeer(ml, featurizer, new TransformerChain<ITransformer>([.. parts]));
    }

    /// <summary>An engine for the whole chain: featurise and every label's probability.</summary>
    public PredictionEngine<TextRow, ScoresRow> CreateEngine() => ml.Model.CreatePredictionEngine<TextRow, ScoresRow>(chain);

    /// <summary>An engine that stops at the feature vector: ML.NET's featuriser alone.</summary>
    public PredictionEngine<TextRow, FeaturesRow> CreateFeaturizerEngine() => ml.Model.CreatePredictionEngine<TextRow, FeaturesRow>(featurizer);

    public sealed class TextRow
    {
        [ColumnName(ModelColumns.Text)]
        public string Text { get; set; } = "";
    }

    public sealed class LabelledRow
    {
        [ColumnName(ModelColumns.Text)]
        public string Text { get; set; } = "";

        [ColumnName(ModelColumns.Label)]
        public bool Label { get; set; }
    }

    public sealed class ScoresRow
    {
        [ColumnName(ModelColumns.Probabilities)]
        public float[] Probabilities { get; set; } = [];

        [ColumnName(ModelColumns.Margins)]
        public float[] Margins { get; set; } = [];
    }

    public sealed class FeaturesRow
    {
        [ColumnName(ModelColumns.Features)]
        public VBuffer<float> Features { get; set; }
    }
}
