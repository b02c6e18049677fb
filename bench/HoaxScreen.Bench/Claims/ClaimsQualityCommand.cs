using System.CommandLine;
using System.Diagnostics;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Text;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Bench.Claims;

/// <summary>
/// claims-quality [--data ../shared/data] [--out bench/results/claims.md] [--matcher models/claims] [--model models/default]
/// [--peers bm25,tfidf|none] [--trained on|off] [--clean 1000] [--python /usr/bin/python3]: the known-hoax matching
/// benchmark on TurnBackHoax 2024 (protocol in bench/README.md), HoaxScreen's matchers beside BM25 and TF-IDF peers.
/// </summary>
public sealed class ClaimsQualityCommand : Command
{
    public const string DefaultOut = "bench/results/claims.md";

    private readonly Option<string> _data = CliOptions.Text(
        "--data", "DIR", $"the shared data folder holding {ClaimsBenchData.ClaimsFolder}/ and {ClaimsBenchData.CleanFile} (default: ../shared/data)");

    private readonly Option<string> _out = CliOptions.Text("--out", "REPORT.md", $"the report (default: {DefaultOut})");

    private readonly Option<string> _matcher = CliOptions.Text("--matcher", "MATCHER_DIR", "the shipped claim matcher (default: models/claims)");

    private readonly Option<string> _model = CliOptions.Text("--model", "BUNDLE_DIR", "the bundle whose normaliser the matchers use (default: models/default)");

    private readonly Option<string> _peers = CliOptions.Text(
        "--peers", "bm25,tfidf|none", $"the peers run beside HoaxScreen's matchers (default: {string.Join(',', ClaimsPeers.All.Select(p => p.Name))})");

    private readonly Option<string> _trained = CliOptions.Choice(
        "--trained", "also judge a matcher trained on TurnBackHoax out of fold ('claims train' on the other folds' queries; default: on)", ["on", "off"],
        refuse: other => $"--trained must be on or off, not '{other}'");

    private readonly Option<int> _clean = CliOptions.WholeNumber(
        "--clean", "N", "clean posts drawn as unrelated queries, 10..100000", ClaimsBenchData.DefaultClean, min: 10, max: 100_000);

    private readonly Option<string> _python = CliOptions.Text("--python", "PATH", $"the Python that runs the peers (default: {QualityCommand.DefaultPython})");

    public ClaimsQualityCommand(TextWriter stdout, TextWriter stderr)
        : base("claims-quality", "The known-hoax matching benchmark on TurnBackHoax 2024: HoaxScreen's matchers beside BM25 and TF-IDF peers.")
    {
        Add(_data);
        Add(_out);
        Add(_matcher);
        Add(_model);
        Add(_peers);
        Add(_trained);
        Add(_clean);
        Add(_python);
        SetAction(args => Run(args, stdout, stderr));
    }

    private int Run(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var wall = Stopwatch.StartNew();
        var commandLine = BenchApp.CommandLine(args);
        var sharedData = args.GetValue(_data) is { } d ? Path.GetFullPath(d) : BenchPaths.SharedData;
        var outPath = BenchPaths.Resolve(args.GetValue(_out), DefaultOut);
        var matcher = BenchPaths.Resolve(args.GetValue(_matcher), "models/claims");
        var bundle = BenchPaths.Resolve(args.GetValue(_model), "models/default");
        var python = args.GetValue(_python) ?? QualityCommand.DefaultPython;
        var clean = args.GetValue(_clean);
        var trained = args.GetValue(_trained) is not "off";
        var peers = args.GetValue(_peers) switch
        {
            null => ClaimsPeers.All.Select(p => p.Name).ToList(),
            "none" => [],
            var list => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(p => ClaimsPeers.All.Any(a => a.Name == p) ? p : throw new CliException($"--peers takes bm25, tfidf or none, not '{p}'"))
                .Distinct().ToList(),
        };

        if (!ClaimsBenchData.Available(sharedData))
        {
            stdout.WriteLine($"skipped: {BenchPaths.Display(sharedData)} has no {ClaimsBenchData.ClaimsFolder} or {ClaimsBenchData.CleanFile}");
            return 0;
        }

        var manifest = ModelBundle.ReadManifest(bundle);
        var normalizer = TextNormalizer.ForBundle(bundle, manifest.Normalizer);
        var data = ClaimsBenchData.Load(sharedData, clean);
        stderr.WriteLine($"[claims] {data.IndexedClaims.Count:N0} of {data.AllClaims:N0} claims indexed; queries: " +
            string.Join(", ", Enum.GetValues<QueryKind>().Select(k => $"{data.Queries.Count(q => q.Kind == k):N0} {k.ToString().ToLowerInvariant()}")));

        using var workFolder = new WorkFolder("hoaxscreen-claims", stderr);
        var runs = new ClaimsMatcherRuns(data, normalizer, stderr);
        var systems = new List<ClaimsSystemRun>();
        var (own, rule) = runs.Shipped(matcher);
        systems.Add(own);
        if (trained)
        {
            systems.Add(runs.TrainedOnTurnBackHoax(workFolder.Path, bundle));
        }

        systems.Add(rule);
        systems.Add(runs.Bm25Stage());
        if (peers.Count > 0)
        {
            stderr.WriteLine($"[claims] running the peers ({ClaimsPeers.Script}: {string.Join(", ", peers)})");
            systems.AddRange(ClaimsPeers.Run(python, workFolder.Path, data, peers, stderr));
        }

        var results = systems.Select(s => s.Problem is null ? ClaimsMetrics.Evaluate(s, data.Queries) : null).ToList();
        var atMaxF1 = systems.Select(s => s.Problem is null && s.Mode == ThresholdMode.Rule ? ClaimsMetrics.Evaluate(s, data.Queries, ThresholdRule.MaxF1) : null).ToList();
        var report = ClaimsReport.Render(new ClaimsReportInput(
            data, systems, results, atMaxF1, runs.ShortKnownPosts(HoaxScreen.Training.Claims.MatcherFolder.MinWordsToMatch), manifest.Version, commandLine, wall.Elapsed.TotalSeconds));
        return ReportFile.Publish(report, outPath, wall, stdout, stderr);
    }
}
