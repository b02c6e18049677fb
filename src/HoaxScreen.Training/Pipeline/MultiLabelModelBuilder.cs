using HoaxScreen.Core.Data;
using HoaxScreen.Core.Featurization;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Training.Pipeline;

/// <summary>
/// Fits the featuriser's vocabulary, featurises every text once, fits one classifier per label (each on the rows where
/// its label is known) on those vectors, and composes the classifiers into one chain: Features → per-label probability
/// and margin → "Probabilities" and "Margins" vectors (what <c>model.zip</c> holds).
/// </summary>
public sealed class MultiLabelModelBuilder(MLContext ml, TrainerSettings settings)
{
    /// <param name="texts">Normalised texts of the training rows.</param>
    /// <param name="labels">Per training row, the value of each label (null = unknown).</param>
    /// <param name="l2PerLabel">Per label, the L2 penalty to train with (null: the settings' value).</param>
    public FittedModel Fit(IReadOnlyList<string> texts, IReadOnlyList<bool?[]> labels, IReadOnlyList<string> labelNames,
        IReadOnlyList<float?>? l2PerLabel = null, Action<string>? progress = null)
    {
        var vocabulary = NgramVocabularyFit.Fit(texts, NgramSettings.From(settings), settings.MinNgramDocuments);
        var featurizer = vocabulary.ToFeaturizer();
        progress?.Invoke($"featurised {texts.Count:N0} texts: {vocabulary.Words.Count:N0} word and {vocabulary.Chars.Count:N0} character n-grams");
        var vectors = new VBuffer<float>[texts.Count];
        for (var i = 0; i < vectors.Length; i++)
        {
            featurizer.Featurize(texts[i], out var slots, out var values);
            vectors[i] = new VBuffer<float>(featurizer.Size, values.Length, values.ToArray(), slots.ToArray());
        }

        var schema = FeatureRow.Schema(featurizer.Size);
        var current = ml.Data.LoadFromEnumerable([new FeatureRow { Features = new VBuffer<float>(featurizer.Size, 0, [], []) }], schema);
        var inputSchema = current.Schema;
        var transformers = new List<ITransformer>();
        for (var l = 0; l < labelNames.Count; l++)
        {
            var rows = new List<FeatureRow>();
            for (var i = 0; i < texts.Count; i++)
            {
                if (labels[i][l] is { } value)
                {
                    rows.Add(new FeatureRow { Label = value, Features = vectors[i] });
                }
            }

            progress?.Invoke($"training '{labelNames[l]}' on {rows.Count:N0} rows ({rows.Count(r => r.Label):N0} positive)");
            var labelSettings = l2PerLabel?[l] is { } l2 ? settings with { L2Regularization = l2 } : settings;
            var data = ml.Data.Cache(ml.Data.LoadFromEnumerable(rows, schema));
            var classifier = TrainingPipeline.BuildClassifier(ml, labelSettings).Fit(data);
            var rename = ml.Transforms.CopyColumns(ModelColumns.ProbabilityOf(labelNames[l]), "Probability")
                .Append(ml.Transforms.CopyColumns(ModelColumns.MarginOf(labelNames[l]), "Score"))
                .Fit(classifier.Transform(current));
            transformers.Add(classifier);
            transformers.Add(rename);
            current = rename.Transform(classifier.Transform(current));
        }

        var concat = ml.Transforms.Concatenate(ModelColumns.Probabilities, [.. labelNames.Select(ModelColumns.ProbabilityOf)])
            .Append(ml.Transforms.Concatenate(ModelColumns.Margins, [.. labelNames.Select(ModelColumns.MarginOf)]))
            .Fit(current);
        transformers.Add(concat);
        var chain = new TransformerChain<ITransformer>([.. transformers]);
        var heads = LinearHeads.Extract(chain, labelNames.Count, "the fitted model");
        return new FittedModel(vocabulary, chain, inputSchema, new TextClassifier(featurizer, heads));
    }

    /// <summary>ML.NET schema type: one featurised row of one label.</summary>
    private sealed class FeatureRow
    {
        [ColumnName(ModelColumns.Label)]
        public bool Label { get; set; }

        [ColumnName(ModelColumns.Features)]
        public VBuffer<float> Features { get; set; }

        public static SchemaDefinition Schema(int size)
        {
            var definition = SchemaDefinition.Create(typeof(FeatureRow));
            definition[ModelColumns.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
            return definition;
        }
    }
}

/// <summary>
/// A fitted model: the featuriser's vocabulary, the ML.NET classifier chain over its features, and the
/// <see cref="TextClassifier"/> that scores with both (as serving will).
/// </summary>
public sealed record FittedModel(NgramVocabulary Vocabulary, ITransformer Classifiers, DataViewSchema InputSchema, TextClassifier Classifier)
{
    /// <summary>Writes <c>model.zip</c> and <c>features.ngrams</c> into a bundle folder.</summary>
    public void Save(MLContext ml, string bundleDirectory)
    {
        ml.Model.Save(Classifiers, InputSchema, Path.Combine(bundleDirectory, ModelBundle.ModelFile));
        NgramVocabularyFile.Write(bundleDirectory, Vocabulary);
    }
}
