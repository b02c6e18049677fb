using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Training.Pipeline;

/// <summary>
/// Fits the shared featuriser and one classifier per label (each on the rows where its label is known),
/// then composes them into one scoring chain: Text → Features → per-label probability and margin → "Probabilities" and "Margins" vectors.
/// </summary>
public sealed class MultiLabelModelBuilder(MLContext ml, TrainerSettings settings)
{
    /// <param name="texts">Normalised texts of the training rows.</param>
    /// <param name="labels">Per training row, the value of each label (null = unknown).</param>
    /// <param name="l2PerLabel">Per label, the L2 penalty to train with (null: the settings' value).</param>
    public ITransformer Fit(IReadOnlyList<string> texts, IReadOnlyList<bool?[]> labels, IReadOnlyList<string> labelNames,
        IReadOnlyList<float?>? l2PerLabel = null, Action<string>? progress = null)
    {
        var featurizer = TrainingPipeline.BuildFeaturizer(ml, settings)
            .Fit(ml.Data.LoadFromEnumerable(texts.Select(t => new PostInput { Text = t })));
        var transformers = new List<ITransformer> { featurizer };
        var probe = ml.Data.LoadFromEnumerable(new[] { new PostInput { Text = "contoh" } });
        var current = featurizer.Transform(probe);

        for (var l = 0; l < labelNames.Count; l++)
        {
            var rows = new List<LabelledInput>();
            for (var i = 0; i < texts.Count; i++)
            {
                if (labels[i][l] is { } value)
                {
                    rows.Add(new LabelledInput { Text = texts[i], Label = value });
                }
            }

            progress?.Invoke($"training '{labelNames[l]}' on {rows.Count:N0} rows ({rows.Count(r => r.Label):N0} positive)");
            // Featurised once into memory (the cache checkpoint for a shared featuriser: iterative trainers re-read features many times).
            var featurized = UnnamedFeatures.Of(ml, featurizer.Transform(ml.Data.LoadFromEnumerable(rows)));
            var labelSettings = l2PerLabel?[l] is { } l2 ? settings with { L2Regularization = l2 } : settings;
            var classifier = TrainingPipeline.BuildClassifier(ml, labelSettings).Fit(featurized);
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
        return new TransformerChain<ITransformer>([.. transformers]);
    }
}
