using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;

namespace HoaxScreen.Speed;

/// <summary>
/// <c>score --claims</c> in bulk beside plain <c>score</c>, on the same posts in the same run: the committed matcher
/// (models/claims) over the committed claims (data/claims/claims.csv imported into a temporary store). Runs alternate
/// (plain, with claims), each run's model loading excluded by subtracting a run over an empty file, so a neighbour's
/// load hits both alike; the figures are medians and the ratio is the median of the paired ratios. Then, in process on
/// one thread, where a post's time goes: normalising and classifying against matching (the matcher's candidates).
/// </summary>
public static partial class ClaimsBulkCommand
{
    /// <summary>The issue's target for bulk <c>score --claims</c> on this machine.</summary>
    public const double TargetPostsPerSecond = 20_000;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var count = int.Parse(BdnCommand.Option(ref args, "--posts") ?? "100000", CultureInfo.InvariantCulture);
        var runs = int.Parse(BdnCommand.Option(ref args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var output = BenchPaths.Resolve(BdnCommand.Option(ref args, "--out"), "bench/results/claims-bulk.md");
        if (args.Length > 0 || count < 1 || runs < 1)
        {
            stderr.WriteLine($"claims-bulk: unexpected arguments: {string.Join(' ', args)}");
            stderr.WriteLine(SpeedApp.Usage);
            return 2;
        }

        var loadBefore = MachineInfo.LoadAverage();
        var started = DateTime.UtcNow;
        var work = Directory.CreateTempSubdirectory("hoaxscreen-speed-claims-").FullName;
        try
        {
            var texts = Corpus.BulkTexts(out var source);
            var posts = Enumerable.Range(0, count).Select(i => texts[i % texts.Length]).ToArray();
            var postsCsv = Path.Combine(work, "posts.csv");
            var emptyCsv = Path.Combine(work, "empty.csv");
            PostsCsv.Write(postsCsv, posts);
            PostsCsv.Write(emptyCsv, []);
            var dll = TrainingDll(stderr);
            var db = Path.Combine(work, "claims.db");
            var claimsCsv = Path.Combine(BenchPaths.Root, "data", "claims", "claims.csv");
            ChildProcess.Check(ChildProcess.Run("dotnet", [dll, "claims", "import", "--db", db, "--in", claimsCsv]), "claims import");
            stderr.WriteLine($"[claims-bulk] {count:N0} posts from {source}, mean {Corpus.MeanLength(posts):F0} characters; {runs} runs each");

            var scores = Path.Combine(work, "scores.csv");
            var plain = new Runs("score", input => ChildProcess.Check(ChildProcess.Run("dotnet", [dll, "score", "--model", BenchPaths.DefaultModel, "--in", input, "--out", scores]), "score"));
            var claims = new Runs("score --claims", input => ChildProcess.Check(
                ChildProcess.Run("dotnet", [dll, "score", "--model", BenchPaths.DefaultModel, "--in", input, "--out", scores, "--claims", db]), "score --claims"));
            for (var run = 0; run < runs; run++)
            {
                foreach (var system in new[] { plain, claims })
                {
                    system.Once(postsCsv, emptyCsv);
                    stderr.WriteLine($"[claims-bulk] {system.Name} run {run + 1}: {system.WallSeconds(run):F2} s scoring ({count / system.WallSeconds(run):N0} posts/s); its own timer {system.Reported[^1]:N0} posts/s");
                }
            }

            var rows = File.ReadLines(scores).Count() - 1;
            if (rows != count)
            {
                throw new InvalidOperationException($"score --claims wrote {rows} rows for {count} posts");
            }

            var decisions = DecisionCounts(scores);
            var stages = Stages(posts.Take(20_000).ToArray(), db, stderr);
            var markdown = Render(count, source, Corpus.MeanLength(posts), runs, plain, claims, decisions, stages, loadBefore, started);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            File.WriteAllText(output, markdown);
            stdout.WriteLine(markdown);
            stderr.WriteLine($"[claims-bulk] results written to {BenchPaths.Display(output)}");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>One command's timed runs: each the posts minus an empty file (model loading), wall and CPU seconds.</summary>
    private sealed class Runs(string name, Func<string, ChildProcess.Result> run)
    {
        public string Name { get; } = name;

        public List<ChildProcess.Result> Full { get; } = [];

        public List<ChildProcess.Result> Empty { get; } = [];

        /// <summary>The CLI's own posts/s (model loaded), from its summary line.</summary>
        public List<double> Reported { get; } = [];

        public void Once(string posts, string empty)
        {
            Empty.Add(run(empty));
            Full.Add(run(posts));
            var done = DoneLine().Match(Full[^1].Stderr);
            Reported.Add(done.Success ? double.Parse(done.Groups["rate"].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture) : double.NaN);
        }

        public double WallSeconds(int index) => Full[index].WallSeconds - Empty[index].WallSeconds;

        public double CpuSeconds(int index) => Full[index].CpuSeconds - Empty[index].CpuSeconds;

        public double MedianWall => BulkCommand.Median(Enumerable.Range(0, Full.Count).Select(WallSeconds));

        public double MedianCpu => BulkCommand.Median(Enumerable.Range(0, Full.Count).Select(CpuSeconds));
    }

    /// <summary>Single-thread microseconds per post of each stage, after a warm-up pass.</summary>
    private sealed record StageTimes(int Posts, int Claims, double Normalize, double Classify, double Match, double CandidatesPerPost, double MatchBytes);

    private static StageTimes Stages(string[] posts, string db, TextWriter stderr)
    {
        var model = ModelBundleLoader.Load(BenchPaths.DefaultModel);
        var snapshot = ClaimStore.Open(db).Snapshot();
        var matcher = ClaimMatcher.Load(Path.Combine(BenchPaths.Root, "models", "claims"), snapshot.Claims, model.Normalizer);
        var normalized = new string[posts.Length];
        double normalize = 0, classify = 0, match = 0, matchBytes = 0;
        long candidates = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < posts.Length; i++)
            {
                normalized[i] = model.Normalizer.Normalize(posts[i]);
            }

            normalize = clock.Elapsed.TotalMicroseconds / posts.Length;
            clock.Restart();
            foreach (var text in normalized)
            {
                model.ScoreNormalized(text);
            }

            classify = clock.Elapsed.TotalMicroseconds / posts.Length;
            candidates = 0;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            clock.Restart();
            foreach (var text in normalized)
            {
                candidates += matcher.CandidatesNormalized(text).Count;
            }

            match = clock.Elapsed.TotalMicroseconds / posts.Length;
            matchBytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)posts.Length;
        }

        stderr.WriteLine($"[claims-bulk] one thread, µs/post: normalise {normalize:F1}, classify {classify:F1}, match {match:F1}");
        return new StageTimes(posts.Length, snapshot.Claims.Count, normalize, classify, match, candidates / (double)posts.Length, matchBytes);
    }

    private static Dictionary<string, int> DecisionCounts(string scores)
    {
        using var reader = CsvRecordReader.Open(scores);
        var header = reader.ReadRecord()!;
        var column = Array.IndexOf(header, "claim_decision");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["match"] = 0, ["suggest"] = 0, ["none"] = 0 };
        while (reader.ReadRecord() is { } record)
        {
            counts[record[column]]++;
        }

        return counts;
    }

    private static string Render(
        int count, string source, double meanLength, int runs, Runs plain, Runs claims, Dictionary<string, int> decisions, StageTimes stages, string loadBefore, DateTime started)
    {
        // How many times longer --claims takes than plain score, per back-to-back pair.
        var slowdown = BulkCommand.Median(Enumerable.Range(0, runs).Select(i => claims.WallSeconds(i) / plain.WallSeconds(i)));
        var withClaims = count / claims.MedianWall;
        var md = new StringBuilder();
        md.AppendLine("# Bulk scoring with known-claim matching").AppendLine();
        md.AppendLine($"`bench/claims-bulk.sh`, started {started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC: {count:N0} posts ({source}, cycled; mean {meanLength:F0} characters), " +
            $"`score` and `score --claims` alternating, {runs} runs each, median; model loading excluded (a run over an empty file subtracted). " +
            $"Claims: data/claims/claims.csv ({stages.Claims} claims) imported into a temporary store; matcher: models/claims. " +
            $"{Environment.ProcessorCount} cores; load average {loadBefore} before, {MachineInfo.LoadAverage()} after (other jobs share the machine: compare within the run).").AppendLine();
        md.AppendLine("| command | seconds | posts/s | posts per CPU-second | CLI's own timer, posts/s |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var system in new[] { plain, claims })
        {
            md.AppendLine($"| `{system.Name}` | {system.MedianWall:F2} | {MachineInfo.Number(count / system.MedianWall)} | {MachineInfo.Number(count / system.MedianCpu)} | {MachineInfo.Number(BulkCommand.Median(system.Reported))} |");
        }

        md.AppendLine();
        md.AppendLine($"- Ratio: `score --claims` takes {slowdown:F1}× as long as plain `score` (median of the {runs} back-to-back pairs), i.e. runs at {1 / slowdown:P0} of its speed.");
        md.AppendLine($"- Decisions on these posts: {decisions["match"]:N0} match, {decisions["suggest"]:N0} suggest, {decisions["none"]:N0} none.");
        md.AppendLine($"- One thread, in process, {stages.Posts:N0} of the posts after a warm-up pass, µs per post: normalise {stages.Normalize:F1}, classify all labels {stages.Classify:F1}, " +
            $"match ({nameof(ClaimMatcher)}.{nameof(ClaimMatcher.CandidatesNormalized)}: BM25 retrieval, pair features and the decider for {stages.CandidatesPerPost:F1} candidates per post) {stages.Match:F1}; " +
            $"matching allocates {MachineInfo.Number(stages.MatchBytes)} bytes per post.");
        md.AppendLine($"- Target: bulk `score --claims` ≥ {TargetPostsPerSecond:N0} posts/s on this machine: {MachineInfo.Number(withClaims)} posts/s → **{(withClaims >= TargetPostsPerSecond ? "met" : "missed")}**.");
        return md.ToString();
    }

    private static string TrainingDll(TextWriter stderr)
    {
        var dll = Path.Combine(BenchPaths.Root, "src", "HoaxScreen.Training", "bin", "Release", "net10.0", "HoaxScreen.Training.dll");
        if (!File.Exists(dll))
        {
            stderr.WriteLine("[claims-bulk] building src/HoaxScreen.Training (Release)");
            ChildProcess.Check(ChildProcess.Run("dotnet", ["build", Path.Combine(BenchPaths.Root, "src", "HoaxScreen.Training"), "-c", "Release", "--nologo", "-v", "q"]), "dotnet build");
        }

        return dll;
    }


    [GeneratedRegex(@"done: [\d,]+ posts in [\d.]+ s \((?<rate>[\d,]+) posts/s\)")]
    private static partial Regex DoneLine();
}
