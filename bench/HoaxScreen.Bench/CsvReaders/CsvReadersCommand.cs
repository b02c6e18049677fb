using System.Diagnostics;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Bench.CsvReaders;

/// <summary>
/// csv-readers [--posts 100000] [--passes 15] [--score-runs 3] [--out bench/results/csv-readers.md]: issue 27's CSV
/// question. HoaxScreen's own reader, Sep and CsvHelper read the bulk run's posts (time and allocation per pass), the
/// <c>score</c> CLI runs over the same file (how much of its time reading is), and every reader meets the malformed and
/// edge-case files of HoaxScreen's tests.
/// </summary>
public static class CsvReadersCommand
{
    /// <summary>The options; <c>--timings-of FILE</c> is the timing child's (see <see cref="JitModeTimings"/>).</summary>
    public static readonly string[] Options = ["posts", "passes", "score-runs", "out", "timings-of"];

    public static int Run(CliArguments args, string[] commandLine, TextWriter stdout, TextWriter stderr)
    {
        var wall = Stopwatch.StartNew();
        var count = args.Int("posts", 100_000, 1, 10_000_000);
        var passes = args.Int("passes", 15, 5, 1_000);
        var scoreRuns = args.Int("score-runs", 3, 0, 100);
        var output = BenchPaths.Resolve(args.Optional("out"), "bench/results/csv-readers.md");
        ICsvCandidate[] readers = [new HandWrittenCandidate(), new SepCandidate(), new CsvHelperCandidate(strictText: false), new CsvHelperCandidate(strictText: true), new PrecheckedCsvHelperCandidate()];
        if (args.Optional("timings-of") is { } timedFile)
        {
            JitModeTimings.Print(ReaderTimings.Measure(readers, timedFile, passes, stderr), stdout);
            return 0;
        }

        var work = Directory.CreateTempSubdirectory("hoaxscreen-csv-readers-").FullName;
        try
        {
            var posts = Path.Combine(work, "posts.csv");
            var input = BulkPostsFile.Write(posts, count);
            stderr.WriteLine($"[csv-readers] {count:N0} posts from {input.Source}, {input.Bytes / 1e6:F1} MB; {passes} rounds");
            var timings = JitModeTimings.Modes.Select(mode => (mode, JitModeTimings.InChild(mode, readers, posts, passes, stderr))).ToList();
            var score = ScoreRuns.Measure(posts, scoreRuns, work, stderr);
            var edges = EdgeResults(readers, work);
            var report = CsvReadersReport.Render(commandLine, input, passes, timings, score, scoreRuns, edges);
            return ReportFile.Publish(report, output, wall, stdout, stderr);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static IReadOnlyList<(CsvEdgeCase Case, CsvEdgeVerdict[] Verdicts)> EdgeResults(IReadOnlyList<ICsvCandidate> readers, string work)
    {
        var results = new List<(CsvEdgeCase, CsvEdgeVerdict[])>();
        var number = 0;
        foreach (var edge in CsvEdgeCases.All)
        {
            var path = Path.Combine(work, $"case{++number}.csv");
            File.WriteAllBytes(path, edge.Content);
            results.Add((edge, [.. readers.Select(reader => CsvEdgeVerdict.Judge(edge, reader, path))]));
        }

        return results;
    }
}
