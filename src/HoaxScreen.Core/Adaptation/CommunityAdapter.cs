using System.Diagnostics;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Evaluation;
using Microsoft.ML;

namespace HoaxScreen.Core.Adaptation;

/// <summary>An adapted model in memory: per label what was done, the classifier chain to ship and the scorer it makes.</summary>
/// <param name="Vocabulary">The community n-grams the corrections also weigh (bench-only variant), or null.</param>
/// <param name="Gate">How much of its correction each post gets (bench-only variant), or null. With neither, <see cref="Classifier"/> scores exactly as the bundle will.</param>
public sealed record AdaptedModel(ScoringModel Base, IReadOnlyList<LabelAdaptation> Labels, ITransformer Chain, DataViewSchema InputSchema,
    TextClassifier Classifier, double Seconds, BaseHeads Heads, CommunityVocabulary? Vocabulary = null, FeedbackSimilarityGate? Gate = null)
{
    public double[] Thresholds => [.. Labels.Select(l => l.Threshold)];

    /// <summary>Every normalised text's probabilities in label order; with a bench-only variant, from each label's fit over the base's logit (and the gate).</summary>
    public float[][] Probabilities(IReadOnlyList<string> normalizedTexts)
    {
        if (Vocabulary is null && Gate is null)
        {
            return Classifier.Probabilities(normalizedTexts);
        }

        var scores = new LabelScores();
        return [.. normalizedTexts.Select(text =>
        {
            var row = CommunityAdapter.Row(Base, Heads, text, Vocabulary, scores);
            var weight = Gate?.Weight(row) ?? 1;
            return Labels.Select((label, l) =>
                (float)ResidualFit.Sigmoid(row.BaseLogits[l] + weight * (label.Fit.Logit(row, l) - row.BaseLogits[l]))).ToArray();
        })];
    }
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
        var normalized = feedback.Texts.Select(t => baseModel.Normalize(t)).ToArray();
        var vocabulary = tuning?.CommunityNgrams == true ? CommunityVocabulary.Fit(normalized, baseModel.Classifier.Featurizer) : null;
        var rows = new SparseRow[feedback.Texts.Count];
        var folds = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = Row(baseModel, heads, normalized[i], vocabulary, scores);
            if (tuning?.CommunityNgramsOnly == true && vocabulary is not null)
            {
                // Only the community's slots are fitted; the base's features keep their weights.
                var extra = Enumerable.Range(0, rows[i].Slots.Length).Where(j => rows[i].Slots[j] >= vocabulary.Offset).ToArray();
                rows[i] = rows[i] with { Slots = [.. extra.Select(j => rows[i].Slots[j])], Values = [.. extra.Select(j => rows[i].Values[j])] };
            }

            folds[i] = (int)(Fnv1a.Hash32(feedback.Texts[i]) % LabelAdapter.Folds);
        }

        var gate = tuning?.SimilarityGate == true
            ? FeedbackSimilarityGate.Fit([.. normalized.Select(text => Row(baseModel, heads, text, null, scores))], folds, baseModel.Classifier.Featurizer.Size)
            : null;

        progress($"featurised {rows.Length:N0} feedback posts with the base's normaliser and featuriser"
            + (vocabulary is null ? string.Empty : $", and {vocabulary.Count:N0} community n-grams the base lacks"));
        var objectives = baseModel.Manifest.Trainer.ThresholdObjectives;
        // Only the IDF-penalty variant needs the vocabulary's largest IDF (one pass over every slot).
        var featurizer = baseModel.Classifier.Featurizer;
        var maxIdf = tuning?.IdfPenalty == true ? Enumerable.Range(0, featurizer.Size).Max(featurizer.Idf) : 1;
        // Community slots have no IDF in the base: the plain penalty.
        double SlotPenalty(int slot) => slot >= featurizer.Size ? 1 : maxIdf / Math.Max(featurizer.Idf(slot), 1e-3);
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

        // The chain holds the base features' part of each fit; community slots are scored by AdaptedModel.Probabilities.
        var changed = results.Select(r => r.KeptBase || r.Fit == ResidualFit.Identity ? null
            : r.Fit with { Correction = r.Fit.Correction.Where(c => c.Key < featurizer.Size).ToDictionary() }).ToArray();
        var chain = heads.WithHeads(changed);
        var linear = LinearHeads.Extract(chain, labels.Count, "the adapted model");
        var classifier = new TextClassifier(baseModel.Classifier.Featurizer, linear);
        return new AdaptedModel(baseModel, results, chain, heads.InputSchema, classifier, clock.Elapsed.TotalSeconds, heads, vocabulary, gate);
    }

    /// <summary>A normalised post as the fits see it: the base's features, the community's (when given) after them, and per label the base's logit.</summary>
    public static SparseRow Row(ScoringModel baseModel, BaseHeads heads, string normalized, CommunityVocabulary? vocabulary, LabelScores scratch)
    {
        var labels = baseModel.Labels.Count;
        baseModel.Classifier.Featurizer.Featurize(normalized, out var slots, out var values);
        baseModel.Classifier.Heads.Score(slots, values, scratch);
        var logits = new double[labels];
        for (var l = 0; l < labels; l++)
        {
            logits[l] = heads.Logit(l, scratch.Margins[l]);
        }

        if (vocabulary is null)
        {
            return new SparseRow(slots.ToArray(), values.ToArray(), logits);
        }

        List<int> allSlots = [.. slots];
        List<float> allValues = [.. values];
        vocabulary.Featurize(normalized, allSlots, allValues);
        return new SparseRow([.. allSlots], [.. allValues], logits);
    }
}
