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
public static class ClaimsQualityCommand
{
    public const string DefaultOut = "bench/results/claims.md";

    public static readonly string[] Options = ["data", "out", "matcher", "model", "peers", "trained", "clean", "python"];

    public static int Run(CliArguments args, IReadOnlyList<string> commandLine, TextWriter stdout, TextWriter stderr)
    {
        var wall = Stopwatch.StartNew();
        var sharedData = args.Optional("data") is { } d ? Path.GetFullPath(d) : BenchPaths.SharedData;
        var outPath = BenchPaths.Resolve(args.Optional("out"), DefaultOut);
        var matcher = BenchPaths.Resolve(args.Optional("matcher"), "models/claims");
        var bundle = BenchPaths.Resolve(args.Optional("model"), "models/default");
        var python = args.Optional("python") ?? QualityCommand.DefaultPython;
        var clean = args.Int("clean", ClaimsBenchData.DefaultClean, 10, 100_000);
        var trained = args.Optional("trained") switch
        {
            null or "on" => true,
            "off" => false,
            var other => throw new CliException($"--trained must be on or off, not '{other}'"),
        };
        var peers = args.Optional("peers") switch
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
