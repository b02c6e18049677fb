using System.CommandLine;
using System.Diagnostics;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Core.Text;
using HoaxScreen.Training.Data;
using HoaxScreen.Training;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Bench;

/// <summary>
/// robustness [--recipe R.json] [--out REPORT.md] [--seed 7]: trains the recipe twice (full normalisation and
/// minimal normalisation), scores the held-out evaluation split clean and obfuscated, and reports how much each
/// label's F1 and scores drop.
/// </summary>
public sealed class RobustnessCommand : Command
{
    public const string DefaultRecipe = "bench/recipes/public.recipe.json";
    public const string DefaultOut = "bench/results/robustness.md";
    public const int DefaultSeed = 7;

    private readonly Option<string> _recipe = CliOptions.Text("--recipe", "R.json", $"the training recipe (default: {DefaultRecipe})");

    private readonly Option<string> _out = CliOptions.Text("--out", "REPORT.md", $"the report (default: {DefaultOut})");

    private readonly Option<int> _seed = CliOptions.WholeNumber("--seed", "N", "the obfuscator's seed", DefaultSeed, min: 0, max: int.MaxValue);

    public RobustnessCommand(TextWriter stdout, TextWriter stderr)
        : base("robustness", "Train the recipe with full and with minimal normalisation and report how much each label's F1 and scores drop on obfuscated posts.")
    {
        Add(_recipe);
        Add(_out);
        Add(_seed);
        SetAction(args => Run(args, stdout, stderr));
    }

    private int Run(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var wall = Stopwatch.StartNew();
        var recipePath = BenchPaths.Resolve(args.GetValue(_recipe), DefaultRecipe);
        var outPath = BenchPaths.Resolve(args.GetValue(_out), DefaultOut);
        var seed = args.GetValue(_seed);

        var recipe = TrainingRecipe.Load(recipePath);
        if (recipe.Sources.Any(s => !File.Exists(recipe.Resolve(s))))
        {
            stdout.WriteLine("skipped: ../shared/data not found");
            return 0;
        }

        using var workFolder = new WorkFolder("hoaxscreen-robustness", stderr);
        var work = workFolder.Path;
        var variants = new (string Name, TrainingRecipe Recipe)[]
        {
            ("normalised", recipe),
            ("minimal", recipe with { Normalizer = recipe.Normalizer with { Settings = NormalizerSettings.Minimal } }),
        };

        var models = new List<(string Name, ScoringModel Model, double Seconds)>();
        foreach (var (name, variant) in variants)
        {
            var clock = Stopwatch.StartNew();
            var bundle = Path.Combine(work, name);
            new ModelTrainer(message => stderr.WriteLine($"[{name}] {message}")).Train(variant, bundle);
            var seconds = clock.Elapsed.TotalSeconds;
            models.Add((name, ModelBundleLoader.Load(bundle), seconds));
            stderr.WriteLine($"[{name}] trained in {seconds:F1} s");
        }

        stderr.WriteLine("[bench] reading the evaluation split");
        var dataset = LabelledDataset.Load(recipe);
        var evaluation = dataset.Posts.Where(p => DataSplit.PartOf(p.Text) == SplitPart.Evaluation).ToList();
        var cleanTexts = evaluation.Select(p => p.Text).ToList();

        // Both bundles carry the lexicons of the same recipe, so one obfuscation serves both and they are
        // compared on identical texts; check that rather than assume it.
        var lexicon = models[0].Model.Normalizer.Lexicon;
        var sameWatchwords = models.All(m => m.Model.Normalizer.Lexicon.Watchwords.SequenceEqual(lexicon.Watchwords));
        var obfuscator = new Obfuscator(lexicon, seed);
        var obfuscated = evaluation.Select(p => obfuscator.Obfuscate(p.Text)).ToList();
        var obfuscatedTexts = obfuscated.Select(o => o.Text).ToList();
        var byDisguise = Enum.GetValues<Disguise>().ToDictionary(
            kind => kind,
            kind =>
            {
                var only = new Obfuscator(lexicon, seed, kind);
                var posts = evaluation.Select(p => only.Obfuscate(p.Text)).ToList();
                return (Texts: posts.Select(o => o.Text).ToList(), Words: posts.Sum(o => o.WordsDisguised));
            });

        var results = new List<ModelRobustness>();
        foreach (var (name, model, seconds) in models)
        {
            stderr.WriteLine($"[{name}] scoring {evaluation.Count:N0} evaluation posts clean, obfuscated and under each disguise");
            var clean = RobustnessEvaluation.Score(model, cleanTexts);
            var dirty = RobustnessEvaluation.Score(model, obfuscatedTexts);
            var labels = new List<LabelRobustness>();
            foreach (var (label, m) in model.Labels.Select((l, i) => (l, i)))
            {
                var d = dataset.LabelIndex(label);
                var threshold = model.Manifest.Labels[m].Threshold;
                var cleanPairs = RobustnessEvaluation.Known(evaluation, clean, d, m);
                var dirtyPairs = RobustnessEvaluation.Known(evaluation, dirty, d, m);
                labels.Add(new LabelRobustness(
                    label,
                    threshold,
                    RobustnessEvaluation.Metrics(cleanPairs, threshold),
                    RobustnessEvaluation.Metrics(dirtyPairs, threshold),
                    RobustnessEvaluation.MeanPositiveScore(cleanPairs),
                    RobustnessEvaluation.MeanPositiveScore(dirtyPairs),
                    model.Manifest.Labels[m].Metrics.F1));
            }

            var f1ByDisguise = byDisguise.ToDictionary(kv => kv.Key, kv =>
            {
                var scores = RobustnessEvaluation.Score(model, kv.Value.Texts);
                return model.Labels.Select((label, m) => RobustnessEvaluation.Metrics(
                    RobustnessEvaluation.Known(evaluation, scores, dataset.LabelIndex(label), m), model.Manifest.Labels[m].Threshold).F1).ToArray();
            });
            results.Add(new ModelRobustness(name, model.Version, seconds, labels, f1ByDisguise));
        }

        var mismatches = results.SelectMany(r => r.Labels.Where(l => l.ManifestF1 is { } f && Math.Abs(f - l.Clean.F1) > 1e-3)
            .Select(l => $"{r.Name}/{l.Label} {l.Clean.F1:F4} here vs {l.ManifestF1:F4} in the manifest")).ToList();
        stderr.WriteLine(mismatches.Count == 0
            ? "[bench] check: clean F1 equals the bundle manifests' held-out F1 for every label"
            : $"[bench] warning: clean F1 differs from the manifest: {string.Join("; ", mismatches)}");

        var report = RobustnessReport.Render(new RobustnessRun(
            BenchPaths.Display(recipePath),
            seed,
            dataset.Posts.Count,
            evaluation.Count,
            lexicon.WatchwordCount,
            sameWatchwords,
            obfuscated.Count(o => o.WordsDisguised > 0),
            obfuscated.Sum(o => o.WordsDisguised),
            obfuscated.Sum(o => o.WatchwordsDisguised),
            byDisguise.ToDictionary(kv => kv.Key, kv => kv.Value.Words),
            results,
            mismatches,
            wall.Elapsed.TotalSeconds));

        return ReportFile.Publish(report, outPath, wall, stdout, stderr);
    }
}
