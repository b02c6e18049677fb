using System.CommandLine;
using System.Diagnostics;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Training.Data;
using HoaxScreen.Training;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Bench;

/// <summary>One system's evaluation probabilities for one task (aligned with <see cref="TaskData.Evaluation"/>) and its threshold.</summary>
public sealed record SystemTaskResult(float[] Evaluation, double Threshold, string? Params);

/// <summary>One compared system: how long it trained, how, and its per-task results (a task is absent when it could not run).</summary>
public sealed record SystemResult(
    string Name,
    bool IsHoaxScreen,
    string? Problem,
    double? TrainingSeconds,
    double? CpuSeconds,
    string Config,
    IReadOnlyDictionary<string, SystemTaskResult> Tasks);

/// <summary>HoaxScreen trained without one Netifier platform, scored on that platform's evaluation rows.</summary>
public sealed record HoldoutRun(string Platform, int NetifierRowsKept, double? TrainingSeconds, string? Problem, IReadOnlyDictionary<string, SystemTaskResult> Tasks);

/// <summary>
/// quality [--recipe R.json] [--out REPORT.md] [--trainer JSON] [--model BUNDLE_DIR] [--peers sklearn,fasttext|none]
/// [--lopo on|off] [--python /usr/bin/python3]: trains HoaxScreen and the peers on the same deterministic split and
/// compares F1, macro F1 and ROC AUC per task on the evaluation part.
/// </summary>
public sealed class QualityCommand : Command
{
    public const string DefaultRecipe = "bench/recipes/public.recipe.json";
    public const string DefaultOut = "bench/results/quality.md";
    public const string DefaultPython = "/usr/bin/python3";
    public const string HoaxScreenName = "HoaxScreen";

    private readonly Option<string> _recipe = CliOptions.Text("--recipe", "R.json", $"the training recipe (default: {DefaultRecipe})");

    private readonly Option<string> _out = CliOptions.Text("--out", "REPORT.md", $"the report (default: {DefaultOut})");

    private readonly Option<string> _trainer = CliOptions.Text(
        "--trainer", "JSON", "trainer settings laid over the recipe's, e.g. '{\"weighting\":\"tfidf\"}' (not with --model)");

    private readonly Option<string> _model = CliOptions.Text(
        "--model", "BUNDLE_DIR", "judge this trained bundle instead of training HoaxScreen on the recipe (default: train)");

    private readonly Option<string> _peers = CliOptions.Text(
        "--peers", "sklearn,fasttext|none", $"the peers trained beside HoaxScreen (default: {string.Join(',', PeerSpec.All.Select(p => p.Name))})");

    private readonly Option<string> _lopo = CliOptions.Choice(
        "--lopo", "also train HoaxScreen without each Netifier platform and judge it on that platform (default: on)", ["on", "off"],
        refuse: other => $"--lopo must be on or off, not '{other}'");

    private readonly Option<string> _python = CliOptions.Text("--python", "PATH", $"the Python that runs the peers (default: {DefaultPython})");

    public QualityCommand(TextWriter stdout, TextWriter stderr)
        : base("quality", "Train HoaxScreen and the peers on the same split and compare F1, macro F1 and ROC AUC per task on the evaluation part.")
    {
        Add(_recipe);
        Add(_out);
        Add(_trainer);
        Add(_model);
        Add(_peers);
        Add(_lopo);
        Add(_python);
        SetAction(args => Run(args, stdout, stderr));
    }

    private int Run(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var wall = Stopwatch.StartNew();
        var recipePath = BenchPaths.Resolve(args.GetValue(_recipe), DefaultRecipe);
        var outPath = BenchPaths.Resolve(args.GetValue(_out), DefaultOut);
        var modelDirectory = args.GetValue(_model) is { } m ? Path.GetFullPath(m) : null;
        var trainerJson = args.GetValue(_trainer);
        var python = args.GetValue(_python) ?? DefaultPython;
        var peers = ParsePeers(args.GetValue(_peers));
        var lopo = args.GetValue(_lopo) is not "off";
        if (modelDirectory is not null && trainerJson is not null)
        {
            throw new CliException("--trainer changes how HoaxScreen is trained; it cannot apply to a bundle given with --model");
        }

        var recipe = TrainingRecipe.Load(recipePath);
        if (recipe.Sources.Any(s => !File.Exists(recipe.Resolve(s))))
        {
            stdout.WriteLine("skipped: ../shared/data not found");
            return 0;
        }

        // A bad bundle fails before minutes of work, not after.
        var given = modelDirectory is null ? null : ModelBundleLoader.Load(modelDirectory);

        if (trainerJson is not null)
        {
            recipe = recipe with { Trainer = TrainerOverride.Apply(recipe.Trainer, trainerJson) };
        }

        using var workFolder = new WorkFolder("hoaxscreen-quality", stderr);
        var work = workFolder.Path;
        stderr.WriteLine($"[bench] reading {BenchPaths.Display(recipePath)}; work folder {work}");
        var dataset = LabelledDataset.Load(recipe);
        var tasks = QualityData.Build(recipe, dataset);
        foreach (var task in tasks)
        {
            stderr.WriteLine(task.Runnable
                ? $"[bench] {task.Task.Name}: {task.Part(SplitPart.Train).Count():N0} train, {task.Part(SplitPart.Validation).Count():N0} validation, " +
                  $"{task.Evaluation.Count:N0} evaluation rows ({task.Evaluation.Count(r => r.Truth):N0} positive)"
                : $"[bench] {task.Task.Name}: skipped, {task.Missing}");
        }

        var warnings = new List<string>();
        var (hoaxScreen, inDomain) = RunHoaxScreen(recipe, dataset, tasks, given, work, warnings, stderr);
        var systems = new List<SystemResult> { hoaxScreen };

        if (peers.Count > 0)
        {
            var tasksFile = PeerRunner.WriteTaskFiles(work, tasks);
            foreach (var peer in peers)
            {
                stderr.WriteLine($"[bench] running the {peer.Display} peer ({BenchPaths.Display(Path.Combine(BenchPaths.Root, peer.Script))})");
                systems.Add(ToSystem(PeerRunner.Run(peer, python, tasksFile, tasks, stderr), tasks, stderr));
            }
        }

        IReadOnlyList<HoldoutRun>? holdouts = null;
        string? holdoutNote = null;
        if (!lopo)
        {
            holdoutNote = "not run (--lopo off)";
        }
        else if (modelDirectory is not null)
        {
            holdoutNote = "not run: it trains HoaxScreen, and --model evaluates a bundle trained elsewhere";
        }
        else if (inDomain is not null)
        {
            holdouts = RunHoldouts(recipe, tasks, work, stderr);
        }

        var report = QualityReport.Render(new QualityRun(
            BenchPaths.Display(recipePath),
            modelDirectory is null ? TrainerOverride.Describe(recipe.Trainer) : null,
            trainerJson,
            dataset.Posts.Count,
            dataset.Posts.Count(p => DataSplit.PartOf(p.Text) == SplitPart.Evaluation),
            tasks,
            systems,
            holdouts,
            holdoutNote,
            warnings,
            wall.Elapsed.TotalSeconds));

        return ReportFile.Publish(report, outPath, wall, stdout, stderr);
    }

    private static List<PeerSpec> ParsePeers(string? value)
    {
        if (value is null)
        {
            return [.. PeerSpec.All];
        }

        if (value is "none" or "")
        {
            return [];
        }

        var peers = new List<PeerSpec>();
        foreach (var name in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var peer = PeerSpec.All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new CliException($"--peers: unknown peer '{name}' (expected {string.Join(", ", PeerSpec.All.Select(p => p.Name))} or none)");
            if (!peers.Contains(peer))
            {
                peers.Add(peer);
            }
        }

        return peers;
    }

    /// <summary>Trains one bundle on the whole recipe (or loads --model) and scores every task's evaluation rows through ScoreBatch.</summary>
    private static (SystemResult Result, ScoringModel? Model) RunHoaxScreen(
        TrainingRecipe recipe, LabelledDataset dataset, IReadOnlyList<TaskData> tasks, ScoringModel? given, string work,
        List<string> warnings, TextWriter stderr)
    {
        double? seconds;
        double? cpu = null;
        string config;
        ScoringModel model;
        if (given is not null)
        {
            model = given;
            seconds = model.Manifest.TrainingSeconds > 0 ? model.Manifest.TrainingSeconds : null;
            config = $"bundle `{BenchPaths.Display(model.Directory)}` ({model.Version}, trained elsewhere: training time from its manifest); " +
                     $"trainer {TrainerOverride.Describe(model.Manifest.Trainer)}";
        }
        else
        {
            var bundle = Path.Combine(work, "hoaxscreen");
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            new ModelTrainer(message => stderr.WriteLine($"[hoaxscreen] {message}")).Train(recipe, bundle);
            seconds = clock.Elapsed.TotalSeconds;
            cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            stderr.WriteLine($"[hoaxscreen] trained in {seconds:F1} s");
            model = ModelBundleLoader.Load(bundle);
            config = "ModelTrainer on the whole recipe: one bundle for all labels, full normaliser, thresholds chosen on validation";
        }

        // Every evaluation post of the recipe, scored once through the serving path.
        var evaluationPosts = Enumerable.Range(0, dataset.Posts.Count).Where(i => DataSplit.PartOf(dataset.Posts[i].Text) == SplitPart.Evaluation).ToArray();
        stderr.WriteLine($"[hoaxscreen] scoring {evaluationPosts.Length:N0} evaluation posts with ScoreBatch");
        var scores = RobustnessEvaluation.Score(model, [.. evaluationPosts.Select(i => dataset.Posts[i].Text)]);
        var byPost = new Dictionary<int, float[]>();
        for (var i = 0; i < evaluationPosts.Length; i++)
        {
            byPost[evaluationPosts[i]] = scores[i];
        }

        if (given is null)
        {
            CheckAgainstManifest(model, dataset, evaluationPosts, byPost, warnings, stderr);
        }

        var results = new Dictionary<string, SystemTaskResult>();
        foreach (var task in tasks.Where(t => t.Runnable))
        {
            var m = model.Labels.ToList().IndexOf(task.Task.Label);
            if (m < 0)
            {
                warnings.Add($"the HoaxScreen bundle has no '{task.Task.Label}' label, so it has no result for {task.Task.Name}");
                continue;
            }

            results[task.Task.Name] = new SystemTaskResult(
                [.. task.Evaluation.Select(r => byPost[r.Post][m])], model.Manifest.Labels[m].Threshold, null);
        }

        return (new SystemResult(HoaxScreenName, true, null, seconds, cpu, config, results), given is null ? model : null);
    }

    /// <summary>The F1 recomputed here over all evaluation rows of a label must equal the manifest's (same split, same serving path).</summary>
    private static void CheckAgainstManifest(ScoringModel model, LabelledDataset dataset, int[] evaluationPosts, Dictionary<int, float[]> byPost,
        List<string> warnings, TextWriter stderr)
    {
        var mismatches = new List<string>();
        for (var m = 0; m < model.Labels.Count; m++)
        {
            var d = dataset.LabelIndex(model.Labels[m]);
            var pairs = evaluationPosts.Where(i => dataset.Posts[i].Labels[d] is not null)
                .Select(i => (byPost[i][m], dataset.Posts[i].Labels[d]!.Value)).ToList();
            var here = QualityMetrics.Compute(pairs, model.Manifest.Labels[m].Threshold).F1 ?? 0;
            var manifest = model.Manifest.Labels[m].Metrics.F1;
            if (Math.Abs(here - manifest) > 1e-3)
            {
                mismatches.Add($"{model.Labels[m]} {here:F4} here vs {manifest:F4} in the manifest");
            }
        }

        if (mismatches.Count == 0)
        {
            stderr.WriteLine("[hoaxscreen] check: F1 over all evaluation rows equals the bundle manifest's held-out F1 for every label");
        }
        else
        {
            warnings.Add($"HoaxScreen F1 recomputed here differs from its manifest: {string.Join("; ", mismatches)}");
        }
    }

    /// <summary>Per task, the peer's threshold is chosen on its validation probabilities by HoaxScreen's own rule.</summary>
    private static SystemResult ToSystem(PeerRun run, IReadOnlyList<TaskData> tasks, TextWriter stderr)
    {
        if (run.Problem is not null)
        {
            stderr.WriteLine($"[{run.Peer.Name}] {run.Problem}");
            return new SystemResult(run.Peer.Display, false, run.Problem, null, null, "", new Dictionary<string, SystemTaskResult>());
        }

        var results = new Dictionary<string, SystemTaskResult>();
        foreach (var task in tasks.Where(t => t.Runnable))
        {
            if (!run.Tasks.TryGetValue(task.Task.Name, out var result))
            {
                continue;
            }

            var validation = task.Part(SplitPart.Validation).Select((r, i) => (result.Validation[i], r.Truth)).ToList();
            results[task.Task.Name] = new SystemTaskResult(result.Evaluation, QualityMetrics.ChooseThreshold(validation), result.Params);
        }

        var name = run.Version is null ? run.Peer.Display : $"{run.Peer.Display} {run.Version}";
        return new SystemResult(run.Peer.Display, false, null, run.WallSeconds, run.CpuSeconds, $"{name}: {run.Config}", results);
    }

    /// <summary>Leave one platform out: HoaxScreen trained on the recipe with one Netifier platform removed, judged on that platform.</summary>
    private static List<HoldoutRun> RunHoldouts(TrainingRecipe recipe, IReadOnlyList<TaskData> tasks, string work, TextWriter stderr)
    {
        var netifierTasks = tasks.Where(t => t.Runnable && t.Task.Dataset == QualityTask.Netifier).ToList();
        var source = QualityData.SourceFor(recipe, QualityTask.Netifier);
        var runs = new List<HoldoutRun>();
        if (source is null || netifierTasks.Count == 0)
        {
            return runs;
        }

        var platforms = netifierTasks.SelectMany(t => t.Rows).Select(r => r.Platform).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var platform in platforms)
        {
            var folder = Path.Combine(work, "lopo", platform);
            Directory.CreateDirectory(folder);
            var filtered = Path.Combine(folder, "train.csv");
            var kept = QualityData.WriteWithoutPlatform(recipe.Resolve(source), platform, filtered);
            var variant = recipe with { Sources = [.. recipe.Sources.Select(s => ReferenceEquals(s, source) ? s with { Path = filtered } : s)] };
            var tag = $"lopo-{platform}";
            stderr.WriteLine($"[{tag}] training HoaxScreen without {platform} ({kept:N0} Netifier rows kept)");
            var bundle = Path.Combine(folder, "bundle");
            var clock = Stopwatch.StartNew();
            try
            {
                new ModelTrainer(message => stderr.WriteLine($"[{tag}] {message}")).Train(variant, bundle);
            }
            catch (DataFormatException ex)
            {
                stderr.WriteLine($"[{tag}] could not train: {ex.Message}");
                runs.Add(new HoldoutRun(platform, kept, null, ex.Message, new Dictionary<string, SystemTaskResult>()));
                continue;
            }

            var seconds = clock.Elapsed.TotalSeconds;
            var model = ModelBundleLoader.Load(bundle);
            var results = new Dictionary<string, SystemTaskResult>();
            foreach (var task in netifierTasks)
            {
                var m = model.Labels.ToList().IndexOf(task.Task.Label);
                if (m < 0)
                {
                    continue;
                }

                // Scores for every evaluation row of the task; the report keeps the held-out platform's.
                var scores = RobustnessEvaluation.Score(model, [.. task.Evaluation.Select(r => r.Text)]);
                results[task.Task.Name] = new SystemTaskResult([.. scores.Select(s => s[m])], model.Manifest.Labels[m].Threshold, null);
            }

            stderr.WriteLine($"[{tag}] trained in {seconds:F1} s");
            runs.Add(new HoldoutRun(platform, kept, seconds, null, results));
            Directory.Delete(folder, recursive: true);
        }

        return runs;
    }
}
