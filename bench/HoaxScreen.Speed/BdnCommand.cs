using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using HoaxScreen.Core.Modeling;

namespace HoaxScreen.Speed;

/// <summary>
/// Runs the BenchmarkDotNet suite (scoring + breakdown), then measures the latency distribution of single-post scoring
/// call by call (BenchmarkDotNet reports means of iterations, not a per-call p50), and writes a Markdown summary.
/// </summary>
public static class BdnCommand
{
    /// <summary>Targets from the design's performance budget.</summary>
    public const double TargetPostsPerSecondPerCore = 20_000;
    public const double TargetSingleP50Microseconds = 50;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var output = BenchPaths.Resolve(Option(ref args, "--out"), "bench/results/speed-inprocess.md");
        var loadBefore = MachineInfo.LoadAverage();
        var clock = Stopwatch.StartNew();
        var summaries = args.Length > 0
            ? BenchmarkSwitcher.FromTypes([typeof(ScoringBenchmarks), typeof(BreakdownBenchmarks)]).Run(args, new SpeedConfig()).ToArray()
            : BenchmarkRunner.Run([typeof(ScoringBenchmarks), typeof(BreakdownBenchmarks)], new SpeedConfig());
        var reports = summaries.SelectMany(s => s.Reports).Where(r => r.ResultStatistics is not null).ToList();
        if (reports.Count == 0)
        {
            stderr.WriteLine("no benchmark produced a result");
            return 1;
        }

        var latency = SinglePostLatency(SpeedFixture.Tweet);
        var latencyLong = SinglePostLatency(SpeedFixture.Long);
        var throughput = BatchThroughput(SpeedFixture.Tweet, 2048, TimeSpan.FromSeconds(4));
        var markdown = Render(reports, latency, latencyLong, throughput, loadBefore, clock.Elapsed);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, markdown);
        stdout.WriteLine(markdown);
        stderr.WriteLine($"[speed] in-process results written to {BenchPaths.Display(output)} ({clock.Elapsed.TotalSeconds:F0} s)");
        return 0;
    }

    /// <summary>Per-call latency of <c>ScoringModel.Score</c> over every post of the set, four passes after a 1 s warm-up.</summary>
    public static Latency SinglePostLatency(string kind)
    {
        var model = SpeedFixture.Model;
        var texts = SpeedFixture.Texts(kind);
        var warm = Stopwatch.StartNew();
        for (var i = 0; warm.Elapsed.TotalSeconds < 1; i++)
        {
            model.Score(texts[i % texts.Length]);
        }

        var passes = kind == SpeedFixture.Tweet ? 4 : 8;
        var samples = new double[texts.Length * passes];
        var n = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var text in texts)
            {
                var start = Stopwatch.GetTimestamp();
                model.Score(text);
                samples[n++] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }

        Array.Sort(samples);
        double At(double q) => samples[Math.Min(samples.Length - 1, (int)(q * samples.Length))];
        return new Latency(samples.Length, At(0.5), At(0.9), At(0.99), samples[^1]);
    }

    public readonly record struct Latency(int Calls, double P50, double P90, double P99, double Max);

    public readonly record struct Throughput(int BatchSize, long Posts, double WallSeconds, double CpuSeconds)
    {
        public double PostsPerSecond => Posts / WallSeconds;

        public double PostsPerCpuSecond => Posts / CpuSeconds;
    }

    /// <summary>
    /// ScoreBatch over the set in batches of <paramref name="batchSize"/> for <paramref name="duration"/> after a 2 s warm-up,
    /// one caller per core (as concurrent batch requests are): posts per second of wall time, and per second of this process's CPU time (the per-core rate, which other jobs on
    /// the machine distort less than wall time).
    /// </summary>
    public static Throughput BatchThroughput(string kind, int batchSize, TimeSpan duration)
    {
        var model = SpeedFixture.Model;
        var texts = SpeedFixture.Texts(kind);
        var batches = Enumerable.Range(0, Math.Max(1, texts.Length / batchSize))
            .Select(b => Enumerable.Range(0, batchSize).Select(i => texts[((b * batchSize) + i) % texts.Length]).ToArray())
            .ToArray();
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 2)
        {
            model.ScoreBatch(batches[0]);
        }

        var posts = 0L;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, Environment.ProcessorCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, caller =>
        {
            var scored = 0L;
            for (var b = caller; clock.Elapsed < duration; b++)
            {
                scored += model.ScoreBatch(batches[b % batches.Length]).Count;
            }

            Interlocked.Add(ref posts, scored);
        });

        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return new Throughput(batchSize, posts, wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static string Render(List<BenchmarkReport> reports, Latency tweet, Latency longPosts, Throughput throughput, string loadBefore, TimeSpan elapsed)
    {
        var cores = Environment.ProcessorCount;
        var md = new StringBuilder();
        md.AppendLine("### In process (BenchmarkDotNet)").AppendLine();
        md.AppendLine($"models/default, all {SpeedFixture.Model.Labels.Count} labels; tweet = data/posts.csv ({Corpus.Tweets.Count:N0} posts, mean {Corpus.MeanLength(Corpus.Tweets):F0} characters), " +
            $"2000ch = {SpeedFixture.LongCount} posts of ~2,000 characters joined from it. Job: in-process, 3 warm-up + 7 iterations of 250 ms. " +
            $"Load average {loadBefore} before, {MachineInfo.LoadAverage()} after; {elapsed.TotalSeconds:F0} s.").AppendLine();
        md.AppendLine("| posts | benchmark | mean µs/post | median µs/post | p95 µs | allocated B/post | posts/s (median) | posts/s per core |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var report in reports
            .OrderBy(r => r.BenchmarkCase.Descriptor.Type.Name == nameof(ScoringBenchmarks) ? 0 : 1)
            .ThenBy(r => Param(r) == SpeedFixture.Tweet ? 0 : 1))
        {
            var stats = report.ResultStatistics!;
            var name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
            var perSecond = 1e9 / stats.Median;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            md.AppendLine($"| {Param(report)} | {name} | {stats.Mean / 1000:F2} | {stats.Median / 1000:F2} | {stats.Percentiles.P95 / 1000:F2} | " +
                $"{(allocated is { } bytes ? MachineInfo.Number(bytes) : "?")} | {MachineInfo.Number(perSecond)} | " +
                $"{MachineInfo.Number(perSecond)} |");
        }

        md.AppendLine();
        md.AppendLine("Single post, call by call (ScoringModel.Score, every post of the set, after a 1 s warm-up):").AppendLine();
        md.AppendLine("| posts | calls | p50 µs | p90 µs | p99 µs | max µs |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        md.AppendLine($"| tweet | {tweet.Calls:N0} | {tweet.P50:F1} | {tweet.P90:F1} | {tweet.P99:F1} | {tweet.Max:F0} |");
        md.AppendLine($"| 2000ch | {longPosts.Calls:N0} | {longPosts.P50:F1} | {longPosts.P90:F1} | {longPosts.P99:F1} | {longPosts.Max:F0} |");
        md.AppendLine();
        md.AppendLine($"Sustained batch scoring (ScoreBatch, batches of {throughput.BatchSize:N0} tweets, one caller per core, {throughput.WallSeconds:F1} s after a 2 s warm-up): " +
            $"**{MachineInfo.Number(throughput.PostsPerSecond)} posts/s** on {cores} cores, **{MachineInfo.Number(throughput.PostsPerCpuSecond)} posts per CPU-second** " +
            $"({throughput.CpuSeconds / throughput.WallSeconds:F2} cores busy on average).").AppendLine();

        var single = reports.FirstOrDefault(r => Param(r) == SpeedFixture.Tweet && r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(ScoringBenchmarks.SinglePost));
        var batch = reports.FirstOrDefault(r => Param(r) == SpeedFixture.Tweet && r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(ScoringBenchmarks.Batch256));
        md.AppendLine("Targets (tweet-length, all labels):").AppendLine();
        if (single is not null)
        {
            var perCore = 1e9 / single.ResultStatistics!.Median;
            md.AppendLine($"- one core, single post: {MachineInfo.Number(perCore)} posts/s, target ≥ {MachineInfo.Number(TargetPostsPerSecondPerCore)}: **{(perCore >= TargetPostsPerSecondPerCore ? "met" : "missed")}**");
        }

        if (batch is not null)
        {
            var perCore = 1e9 / batch.ResultStatistics!.Median;
            md.AppendLine($"- batch of 256 on one core: {MachineInfo.Number(perCore)} posts/s, target ≥ {MachineInfo.Number(TargetPostsPerSecondPerCore)}: **{(perCore >= TargetPostsPerSecondPerCore ? "met" : "missed")}**");
        }

        md.AppendLine($"- sustained ScoreBatch: {MachineInfo.Number(throughput.PostsPerCpuSecond)} posts per CPU-second, target ≥ {MachineInfo.Number(TargetPostsPerSecondPerCore)} per core: **{(throughput.PostsPerCpuSecond >= TargetPostsPerSecondPerCore ? "met" : "missed")}**");
        md.AppendLine($"- single post p50 {tweet.P50:F1} µs, target ≤ {TargetSingleP50Microseconds:F0} µs: **{(tweet.P50 <= TargetSingleP50Microseconds ? "met" : "missed")}**");
        return md.ToString();
    }

    private static string Param(BenchmarkReport report) => report.BenchmarkCase.Parameters["Posts"]?.ToString() ?? "?";

    /// <summary>Removes <c>name VALUE</c> from the arguments and returns VALUE (null when absent).</summary>
    public static string? Option(ref string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0 || index + 1 >= args.Length)
        {
            return null;
        }

        var value = args[index + 1];
        args = [.. args[..index], .. args[(index + 2)..]];
        return value;
    }
}
