using HoaxScreen.Core.Data;
using HoaxScreen.Core.Evaluation;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Training.Data;
using HoaxScreen.Training.Normalization;
using HoaxScreen.Training.Pipeline;
using Microsoft.ML;

namespace HoaxScreen.Training.Evaluation;

/// <summary>
/// k-fold cross-validation over every row of a recipe. Folds come from the text's hash, so they are the same on every
/// machine and run. Each fold is scored by a model trained on the other folds exactly as <c>train</c> trains (its own
/// normaliser vocabulary, L2 choice and thresholds on an inner validation slice), so the figures judge the recipe and
/// its settings, not one lucky split.
/// </summary>
/// <param name="progress">Each fold as it starts.</param>
/// <param name="fitting">What a fold's fit is doing now (fold k/K, the label): many messages, for a live status line.</param>
public sealed class CrossValidator(Action<string> progress, Action<string>? fitting = null)
{
    public static string FoldRule(int folds, bool outsideEvaluationSplit = false) =>
        $"fold = (FNV-1a-32(UTF-8 text) / 50) % {folds}{(outsideEvaluationSplit ? " over the rows outside the evaluation split" : "")}; " +
        $"inner validation (thresholds, L2) = (FNV-1a-32 / {50 * folds}) % 10 == 0 of the other folds";

    // Dividing by 50 skips the decimal digit DataSplit uses ((hash / 5) % 10), so every fold holds its share of the
    // evaluation split and of the rest alike; the inner validation digit comes after the fold's.
    public static int FoldOf(string text, int folds) => (int)(Fnv1a.Hash32(text) / 50 % (uint)folds);

    private static bool InInnerValidation(string text, int folds) => Fnv1a.Hash32(text) / (uint)(50 * folds) % 10 == 0;

    /// <summary>Cross-validates over every row of <paramref name="dataset"/>.</summary>
    public CrossValidationSummary Run(TrainingRecipe recipe, LabelledDataset dataset, int folds) =>
        Run(recipe, dataset, folds, [.. Enumerable.Range(0, dataset.Posts.Count)], outsideEvaluationSplit: false).Summary;

    /// <summary>
    /// Cross-validates over <paramref name="rows"/> only (indices into the dataset's posts); rows outside are neither
    /// trained on nor scored. Returns the summary and each row's out-of-fold scores (null outside <paramref name="rows"/>).
    /// </summary>
    public CrossValidationRun Run(TrainingRecipe recipe, LabelledDataset dataset, int folds, int[] rows, bool outsideEvaluationSplit)
    {
        if (folds is < 2 or > 20)
        {
            throw new DataFormatException($"--folds must be 2..20, not {folds}");
        }

        var labels = dataset.Labels;
        var posts = dataset.Posts;
        var foldOf = posts.Select(p => FoldOf(p.Text, folds)).ToArray();
        var scores = new float[posts.Count][];
        var inScope = new bool[posts.Count];
        foreach (var row in rows)
        {
            inScope[row] = true;
        }

        var thresholdOf = new double[folds][];
        for (var f = 0; f < folds; f++)
        {
            var fold = f;
            var rest = rows.Where(i => foldOf[i] != fold).ToArray();
            var held = rows.Where(i => foldOf[i] == fold).ToArray();
            ThresholdedFit.CheckLabelsTrainable(dataset, rest);
            progress($"fold {f + 1}/{folds}: fitting on {rest.Length:N0} posts, scoring {held.Length:N0}");
            var normalizer = LexiconAssembler.Assemble(recipe, rest.Select(i => posts[i].Text));
            var normalized = new string[posts.Count];
            foreach (var row in rows)
            {
                normalized[row] = normalizer.Normalize(posts[row].Text);
            }

            var validation = rest.Where(i => InInnerValidation(posts[i].Text, folds)).ToArray();
            var train = rest.Where(i => !InInnerValidation(posts[i].Text, folds)).ToArray();
            var ml = new MLContext(seed: recipe.Trainer.Seed);
            var fitted = ThresholdedFit.Run(ml, recipe.Trainer, dataset, normalized, train, validation, rest,
                message => fitting?.Invoke($"fold {fold + 1}/{folds}: {message}"));
            var heldScores = fitted.Model.Classifier.Probabilities(ThresholdedFit.Select(normalized, held));
            for (var i = 0; i < held.Length; i++)
            {
                scores[held[i]] = heldScores[i];
            }

            thresholdOf[f] = fitted.Thresholds;
        }

        var summary = Summarise(dataset, folds, foldOf, scores, thresholdOf, inScope) with { FoldRule = FoldRule(folds, outsideEvaluationSplit) };
        return new CrossValidationRun(summary, scores);
    }

    private static CrossValidationSummary Summarise(LabelledDataset dataset, int folds, int[] foldOf, float[][] scores, double[][] thresholdOf, bool[] inScope)
    {
        var posts = dataset.Posts;
        var sourceNames = dataset.Sources.Select(s => s.FileName == "train.csv"
            ? $"{Path.GetFileName(Path.GetDirectoryName(s.Path))}/{s.FileName}"
            : s.FileName).ToArray();
        var sourceOf = posts.Select(p => dataset.Sources.ToList().FindIndex(s => s.Path == p.SourcePath)).ToArray();
        var labelSummaries = new List<LabelCrossValidation>();
        for (var l = 0; l < dataset.Labels.Count; l++)
        {
            var label = l;
            var known = Enumerable.Range(0, posts.Count).Where(i => inScope[i] && posts[i].Labels[label] is not null).ToArray();
            var perFold = FoldMetrics(known, label);
            var sources = new List<SourceCrossValidation>();
            for (var s = 0; s < dataset.Sources.Count; s++)
            {
                var source = s;
                var rows = known.Where(i => sourceOf[i] == source).ToArray();
                var positives = rows.Count(i => posts[i].Labels[label] is true);
                if (positives > 0 && positives < rows.Length)
                {
                    var sourceFolds = FoldMetrics(rows, label);
                    sources.Add(new SourceCrossValidation(sourceNames[s], rows.Length, positives,
                        Spread(sourceFolds.Select(m => m.F1)), OptionalSpread(sourceFolds.Select(m => m.RocAuc))));
                }
            }

            labelSummaries.Add(new LabelCrossValidation(dataset.Labels[l], known.Length, known.Count(i => posts[i].Labels[label] is true),
                Spread(perFold.Select(m => m.Precision)), Spread(perFold.Select(m => m.Recall)), Spread(perFold.Select(m => m.F1)),
                OptionalSpread(perFold.Select(m => m.RocAuc)), sources));
        }

        var clean = Enumerable.Range(0, posts.Count)
            .Where(i => inScope[i] && !posts[i].OtherHarm && posts[i].Labels.Any(v => v is not null) && posts[i].Labels.All(v => v is not true)).ToArray();
        var flagRates = new List<CleanFlagRate>();
        for (var l = 0; l < dataset.Labels.Count; l++)
        {
            for (var s = 0; s < dataset.Sources.Count; s++)
            {
                var rows = clean.Where(i => sourceOf[i] == s).ToArray();
                if (rows.Length == 0)
                {
                    continue;
                }

                var label = l;
                var flagged = rows.Count(i => scores[i][label] >= thresholdOf[foldOf[i]][label]);
                var knows = rows.Any(i => posts[i].Labels[label] is not null);
                flagRates.Add(new CleanFlagRate(dataset.Labels[l], sourceNames[s], knows, rows.Length, flagged));
            }
        }

        return new CrossValidationSummary(folds, FoldRule(folds), labelSummaries, flagRates);

        // Each fold at its own model's threshold; a fold without both classes for the label has no F1 and is left out.
        List<LabelMetrics> FoldMetrics(int[] rows, int label)
        {
            var metrics = new List<LabelMetrics>();
            for (var f = 0; f < folds; f++)
            {
                var fold = f;
                var pairs = rows.Where(i => foldOf[i] == fold).Select(i => (scores[i][label], posts[i].Labels[label]!.Value)).ToList();
                if (pairs.Any(p => p.Item2) && pairs.Any(p => !p.Item2))
                {
                    metrics.Add(BinaryMetricsCalculator.Compute(pairs, thresholdOf[f][label]));
                }
            }

            return metrics;
        }
    }

    private static MeanSpread Spread(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return new MeanSpread(double.NaN, double.NaN);
        }

        var mean = list.Average();
        var spread = list.Count < 2 ? 0 : Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
        return new MeanSpread(Math.Round(mean, 4), Math.Round(spread, 4));
    }

    private static MeanSpread? OptionalSpread(IEnumerable<double?> values)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return known.Count == 0 ? null : Spread(known);
    }
}

/// <summary>A cross-validation's summary and every row's out-of-fold scores (null for rows it did not cover).</summary>
public sealed record CrossValidationRun(CrossValidationSummary Summary, float[]?[] OutOfFold);
