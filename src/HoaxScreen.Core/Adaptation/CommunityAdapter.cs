using System.Diagnostics;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Evaluation;
using Microsoft.ML;

namespace HoaxScreen.Core.Adaptation;

/// <summary>An adapted model in memory: per label what was done, the classifier chain to ship and the scorer it makes.</summary>
public sealed record AdaptedModel(ScoringModel Base, IReadOnlyList<LabelAdaptation> Labels, ITransformer Chain, DataViewSchema InputSchema,
    TextClassifier Classifier, double Seconds)
{
    public double[] Thresholds => [.. Labels.Select(l => l.Threshold)];
}

/// <summary>
/// Fits a base bundle to a community from its moderators' decisions alone (the base's training data is not needed):
/// the feedback is normalised and featurised with the base's own normaliser and featuriser, each label is adapted by
/// <see cref="LabelAdapter"/>, and the adapted heads replace the base's in its chain. Pure: nothing is written.
/// </summary>
public sealed class CommunityAdapter(Action<string> progress)
{
    /// <summary>The method <c>adapt</c> uses unless told otherwise, chosen by bench/results/adapt.md.</summary>
    public const AdaptationMethod DefaultMethod = AdaptationMethod.Local;

    public AdaptedModel Adapt(ScoringModel baseModel, BaseHeads heads, AdaptationFeedback feedback, AdaptationMethod method, LocalTuning? tuning = null)
    {
        var clock = Stopwatch.StartNew();
        var labels = baseModel.Labels;
        var scores = new LabelScores();
        var rows = new SparseRow[feedback.Texts.Count];
        var folds = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var normalized = baseModel.Normalize(feedback.Texts[i]);
            baseModel.Classifier.Featurizer.Featurize(normalized, out var slots, out var values);
            var row = new SparseRow(slots.ToArray(), values.ToArray(), new double[labels.Count]);
            baseModel.Classifier.Heads.Score(slots, values, scores);
            for (var l = 0; l < labels.Count; l++)
            {
                row.BaseLogits[l] = heads.Logit(l, scores.Margins[l]);
            }

            rows[i] = row;
            folds[i] = (int)(Fnv1a.Hash32(feedback.Texts[i]) % LabelAdapter.Folds);
        }

        progress($"featurised {rows.Length:N0} feedback posts with the base's normaliser and featuriser");
        var objectives = baseModel.Manifest.Trainer.ThresholdObjectives;
        // Only the IDF-penalty variant needs the vocabulary's largest IDF (one pass over every slot).
        var featurizer = baseModel.Classifier.Featurizer;
        var maxIdf = tuning?.IdfPenalty == true ? Enumerable.Range(0, featurizer.Size).Max(featurizer.Idf) : 1;
        double SlotPenalty(int slot) => maxIdf / Math.Max(featurizer.Idf(slot), 1e-3);
        var results = new LabelAdaptation[labels.Count];
        for (var l = 0; l < labels.Count; l++)
        {
            var judged = Enumerable.Range(0, rows.Length).Where(i => feedback.Labels[i][l] is not null).ToArray();
            var objective = objectives.GetValueOrDefault(labels[l]) switch
            {
                "macroF1" => ThresholdObjective.MacroF1,
                "f0.5" => ThresholdObjective.F05,
                _ => ThresholdObjective.F1,
            };
            results[l] = LabelAdapter.Adapt(labels[l], l, [.. judged.Select(i => rows[i])], [.. judged.Select(i => feedback.Labels[i][l]!.Value)],
                [.. judged.Select(i => folds[i])], baseModel.Manifest.Labels[l].Threshold, objective, method, tuning, SlotPenalty);
            progress(results[l].KeptBase
                ? $"'{labels[l]}': kept the base ({results[l].Reason})"
                : $"'{labels[l]}': {results[l].Method} on {results[l].Rows:N0} posts ({results[l].Positives:N0} positive)");
        }

        var changed = results.Select(r => r.KeptBase || r.Fit == ResidualFit.Identity ? null : r.Fit).ToArray();
        var chain = heads.WithHeads(changed);
        var linear = LinearHeads.Extract(chain, labels.Count, "the adapted model");
        var classifier = new TextClassifier(baseModel.Classifier.Featurizer, linear);
        return new AdaptedModel(baseModel, results, chain, heads.InputSchema, classifier, clock.Elapsed.TotalSeconds);
    }
}
