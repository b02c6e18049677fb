using System.CommandLine;
using System.Diagnostics;
using HoaxScreen.Core.Adaptation;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Evaluation;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Training;
using HoaxScreen.Training.Adaptation;
using HoaxScreen.Training.Cli;
using HoaxScreen.Training.Data;
using Microsoft.ML;

namespace HoaxScreen.Bench.Adapt;

/// <summary>
/// adapt: leave one source out. For each community of the recipe (a public set, a Netifier platform, the team corpus)
/// a base is trained on the rest; K of the community's posts (the first by a hash of the text) are its moderators'
/// feedback, and the base, threshold re-choice and each adaptation method are judged on the community's other posts
/// and on the base's own evaluation split. Writes bench/results/adapt.md.
/// </summary>
public sealed class AdaptBenchCommand : Command
{
    private const string DefaultRecipe = "data/production.recipe.json";
    private const string DefaultOut = "bench/results/adapt.md";
    private const string DefaultSizes = "50,100,200";
    private const string DefaultMethods = "thresholds,platt,residual,warm,local";

    private readonly Option<string> _recipe = CliOptions.Text("--recipe", "R.json", $"the training recipe whose sources are left out in turn (default: {DefaultRecipe})");

    private readonly Option<string> _out = CliOptions.Text("--out", "REPORT.md", $"the report (default: {DefaultOut})");

    private readonly Option<string> _sizes = CliOptions.Text("--sizes", "K,K,...", $"feedback sizes: how many of the community's posts its moderators label (default: {DefaultSizes})");

    private readonly Option<string> _methods = CliOptions.Text("--methods", "M,M,...", $"the adaptation methods compared (default: {DefaultMethods})");

    private readonly Option<string> _only = CliOptions.Text("--only", "SOURCE_NAME_PART", "run only the communities whose name contains this (any case; default: all)");

    private readonly Option<string> _model = CliOptions.Text("--model", "BUNDLE_DIR", "the production bundle timed adapting (default: models/default)");

    public AdaptBenchCommand(TextWriter stdout, TextWriter stderr)
        : base("adapt", "Leave one source out: adapt a base trained without each community to K of its posts, and judge every method on the rest.")
    {
        Add(_recipe);
        Add(_out);
        Add(_sizes);
        Add(_methods);
        Add(_only);
        Add(_model);
        SetAction(args => Run(args, stdout, stderr));
    }

    /// <summary>The feedback pool: the largest K is taken from it, smaller K are its first posts; the rest is judged.</summary>
    private int Run(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var wall = Stopwatch.StartNew();
        var recipePath = BenchPaths.Resolve(args.GetValue(_recipe), DefaultRecipe);
        var outPath = BenchPaths.Resolve(args.GetValue(_out), DefaultOut);
        var sizes = (args.GetValue(_sizes) ?? DefaultSizes).Split(',').Select(s => int.TryParse(s, out var k) && k > 0 ? k : throw new CliException($"--sizes: '{s}' is not a positive whole number")).Order().ToArray();
        var methods = (args.GetValue(_methods) ?? DefaultMethods).Split(',')
            .Select(m => AdaptSystem.TryParse(m, out var system) ? system : throw new CliException($"--methods: unknown method '{m}'")).ToArray();
        if (!Directory.Exists(BenchPaths.SharedData))
        {
            stderr.WriteLine($"[adapt] skipped: {BenchPaths.SharedData} is absent (the benchmark needs the public datasets beside the repository)");
            return 0;
        }

        var recipe = TrainingRecipe.Load(recipePath);
        using var work = new WorkFolder("hoaxscreen-adapt", stderr);
        var units = HeldOutSource.All(recipe, BenchPaths.SharedData, work.Path);
        if (args.GetValue(_only) is { } only)
        {
            units = [.. units.Where(u => u.Name.Contains(only, StringComparison.OrdinalIgnoreCase))];
        }

        var runs = new List<HeldOutRun>();
        foreach (var unit in units)
        {
            runs.Add(RunOne(unit, sizes, methods, work.Path, stderr));
        }

        var timing = ProductionTiming(args.GetValue(_model) ?? BenchPaths.DefaultModel, units, sizes[^1], methods, work.Path, stderr);
        var report = AdaptBenchReport.Render(runs, sizes, methods, recipe, timing, wall.Elapsed) + KeptTriedSection(outPath);
        return ReportFile.Publish(report, outPath, wall, stdout, stderr);
    }

    private static HeldOutRun RunOne(HeldOutSource unit, int[] sizes, AdaptSystem[] methods, string work, TextWriter stderr)
    {
        void Progress(string message) => stderr.WriteLine($"[adapt {unit.Name}] {message}");
        var folder = Path.Combine(work, "base-" + unit.Name.Replace(' ', '-'));
        Progress("training the base without this source (production settings, thresholds on the validation split)");
        var clock = Stopwatch.StartNew();
        new ModelTrainer(_ => { }).Train(unit.BaseRecipe, folder, folds: 0);
        var trainingSeconds = clock.Elapsed.TotalSeconds;
        Progress($"base trained in {trainingSeconds:F0} s");
        var baseModel = ModelBundleLoader.Load(folder);
        var labels = baseModel.Labels;
        var heads = BaseHeads.Load(new MLContext(seed: 1), folder, labels.Count);

        // The base's own evaluation split, and the community's posts in a fixed order (by a hash of the text).
        var own = LabelledDataset.Load(unit.BaseRecipe);
        var ownRows = own.Posts.Where(p => DataSplit.PartOf(p.Text) == SplitPart.Evaluation).ToList();
        var ownTexts = ownRows.Select(p => baseModel.Normalize(p.Text)).ToList();
        var ownTruth = Truths(ownRows, own, labels);
        var community = LabelledDataset.Load(unit.HeldOut);
        var ordered = community.Posts.OrderBy(p => Fnv1a.Hash32(p.Text)).ThenBy(p => p.Text, StringComparer.Ordinal).ToList();
        var pool = ordered.Take(sizes[^1]).ToList();
        var poolTexts = pool.Select(p => p.Text).ToHashSet(StringComparer.Ordinal);
        var judged = ordered.Skip(sizes[^1]).Where(p => !poolTexts.Contains(p.Text)).ToList();
        var judgedTexts = judged.Select(p => baseModel.Normalize(p.Text)).ToList();
        var judgedTruth = Truths(judged, community, labels);
        var poolTruth = Truths(pool, community, labels);
        Progress($"{pool.Count:N0} feedback posts, {judged.Count:N0} judged, {ownRows.Count:N0} on the base's evaluation split");

        var results = new List<CommunityResult>();
        var ownResults = new List<OwnSplitResult>();
        var seconds = new List<(string, int, double)>();
        var shown = Enumerable.Range(0, labels.Count).Where(l => judgedTruth[l].Any(t => t == true) && judgedTruth[l].Any(t => t == false)).ToList();
        var baseJudged = baseModel.Classifier.Probabilities(judgedTexts);
        var baseOwn = baseModel.Classifier.Probabilities(ownTexts);
        var baseThresholds = baseModel.Manifest.Labels.Select(l => l.Threshold).ToArray();
        foreach (var l in shown)
        {
            var (f1, auc) = Measure(baseJudged, judgedTruth[l], l, baseThresholds[l]);
            results.Add(new CommunityResult(unit.Name, labels[l], judgedTruth[l].Count(t => t is not null), judgedTruth[l].Count(t => t == true), 0, 0, "base", true, f1, auc));
        }

        foreach (var k in sizes)
        {
            var feedback = new FeedbackPosts($"{unit.Name} feedback {k}", string.Empty, [.. pool.Take(k).Select(p => p.Text)],
                [.. Enumerable.Range(0, Math.Min(k, pool.Count)).Select(i => poolTruth.Select(label => label[i]).ToArray())], []);
            foreach (var method in methods)
            {
                var adapted = new CommunityAdapter(_ => { }).Adapt(baseModel, heads, feedback, method.Method, method.Tuning);
                seconds.Add((method.Name, k, adapted.Seconds));
                var judgedScores = adapted.Probabilities(judgedTexts);
                var ownScores = adapted.Probabilities(ownTexts);
                foreach (var l in shown)
                {
                    var (f1, auc) = Measure(judgedScores, judgedTruth[l], l, adapted.Labels[l].Threshold);
                    results.Add(new CommunityResult(unit.Name, labels[l], judgedTruth[l].Count(t => t is not null), judgedTruth[l].Count(t => t == true), k,
                        adapted.Labels[l].Positives, method.Name, adapted.Labels[l].KeptBase, f1, auc));
                }

                for (var l = 0; l < labels.Count; l++)
                {
                    if (ownTruth[l].Any(t => t == true) && !adapted.Labels[l].KeptBase)
                    {
                        ownResults.Add(new OwnSplitResult(unit.Name, k, method.Name, labels[l], ownTruth[l].Count(t => t is not null),
                            Measure(baseOwn, ownTruth[l], l, baseThresholds[l]).F1, Measure(ownScores, ownTruth[l], l, adapted.Labels[l].Threshold).F1));
                    }
                }
            }

            Progress($"K = {k}: " + string.Join("; ", shown.Select(l => $"{labels[l]} " + string.Join(" ",
                results.Where(r => r.K == k && r.Label == labels[l]).Select(r => $"{r.System} {r.F1:F3}")))));
        }

        return new HeldOutRun(unit.Name, pool.Count, judged.Count, trainingSeconds, results, ownResults, seconds);
    }

    /// <summary>
    /// The "Tried" section of the report being replaced (hand-written from runs with other --methods), kept so that a
    /// rerun of the default methods does not lose what was measured and rejected.
    /// </summary>
    private static string KeptTriedSection(string outPath)
    {
        var old = File.Exists(outPath) ? File.ReadAllText(outPath) : string.Empty;
        var at = old.IndexOf("\n## Tried", StringComparison.Ordinal);
        return at < 0 ? string.Empty : old[at..];
    }

    /// <summary>The whole of <c>adapt</c> (load, fit, write a sealed bundle) on the production bundle with K posts of one community.</summary>
    private static List<(string Method, double Seconds)> ProductionTiming(string modelDirectory, List<HeldOutSource> units, int k, AdaptSystem[] methods, string work, TextWriter stderr)
    {
        var timings = new List<(string, double)>();
        if (units.Count == 0 || !Directory.Exists(modelDirectory))
        {
            return timings;
        }

        var community = LabelledDataset.Load(units[0].HeldOut);
        var posts = community.Posts.OrderBy(p => Fnv1a.Hash32(p.Text)).Take(k).ToList();
        // Variants with community n-grams or a gate cannot be written as a bundle (bench-only), so they are not timed end to end.
        foreach (var method in methods.Where(m => m.Tuning is not { CommunityNgrams: true } and not { SimilarityGate: true }))
        {
            var clock = Stopwatch.StartNew();
            var baseModel = ModelBundleLoader.Load(modelDirectory);
            var ml = new MLContext(seed: 1);
            var heads = BaseHeads.Load(ml, modelDirectory, baseModel.Labels.Count);
            var feedback = new FeedbackPosts("timing.csv", string.Empty, [.. posts.Select(p => p.Text)], Truths(posts, community, baseModel.Labels) is var t
                ? [.. Enumerable.Range(0, posts.Count).Select(i => t.Select(label => label[i]).ToArray())] : [], []);
            var adapted = new CommunityAdapter(_ => { }).Adapt(baseModel, heads, feedback, method.Method, method.Tuning);
            AdaptedBundleWriter.Write(ml, adapted, feedback, method.Method, Path.Combine(work, "timing-" + method.Name));
            timings.Add((method.Name, clock.Elapsed.TotalSeconds));
            stderr.WriteLine($"[adapt timing] {method.Name}: {clock.Elapsed.TotalSeconds:F1} s for {posts.Count} posts on {BenchPaths.Display(modelDirectory)}");
        }

        return timings;
    }

    /// <summary>Per model label, per post: the post's value for it (null when its source does not know it).</summary>
    private static List<bool?[]> Truths(IReadOnlyList<LabelledPost> posts, LabelledDataset dataset, IReadOnlyList<string> labels)
    {
        var map = labels.Select(dataset.LabelIndex).ToArray();
        return [.. labels.Select((_, l) => posts.Select(p => map[l] >= 0 ? p.Labels[map[l]] : null).ToArray())];
    }

    private static (double F1, double? Auc) Measure(float[][] scores, bool?[] truth, int label, double threshold)
    {
        var pairs = new List<(float, bool)>();
        for (var i = 0; i < truth.Length; i++)
        {
            if (truth[i] is { } t)
            {
                pairs.Add((scores[i][label], t));
            }
        }

        var metrics = BinaryMetricsCalculator.Compute(pairs, threshold);
        return (metrics.F1, metrics.RocAuc);
    }
}
