using System.CommandLine;
using System.Diagnostics;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Bench.CsvReaders;

/// <summary>
/// csv-readers [--posts 100000] [--passes 15] [--score-runs 3] [--out bench/results/csv-readers.md]: issue 27's CSV
/// question. HoaxScreen's own reader, Sep and CsvHelper read the bulk run's posts (time and allocation per pass), the
/// <c>score</c> CLI runs over the same file (how much of its time reading is), and every reader meets the malformed and
/// edge-case files of HoaxScreen's tests.
/// </summary>
public sealed class CsvReadersCommand : Command
{
    private const string DefaultOut = "bench/results/csv-readers.md";

    private readonly Option<int> _posts = CliOptions.WholeNumber("--posts", "N", "posts in the bulk input, 1..10000000", 100_000, min: 1, max: 10_000_000);

    private readonly Option<int> _passes = CliOptions.WholeNumber("--passes", "N", "timed rounds over the bulk input, 5..1000", 15, min: 5, max: 1_000);

    private readonly Option<int> _scoreRuns = CliOptions.WholeNumber("--score-runs", "N", "runs of the score CLI over the same file, 0..100", 3, min: 0, max: 100);

    private readonly Option<string> _out = CliOptions.Text("--out", "REPORT.md", $"the report (default: {DefaultOut})");

    // The timing child's (see JitModeTimings): not for people, so not in the help.
    private readonly Option<string> _timingsOf = CliOptions.Text("--timings-of", "FILE", "time the readers over FILE and print the timings (the timing child process)");

    public CsvReadersCommand(TextWriter stdout, TextWriter stderr)
        : base("csv-readers", "HoaxScreen's CSV reader beside Sep and CsvHelper: time and allocation over a bulk input, the score CLI's reading share, and the malformed-file cases.")
    {
        _timingsOf.Hidden = true;
        Add(_posts);
        Add(_passes);
        Add(_scoreRuns);
        Add(_out);
        Add(_timingsOf);
        SetAction(args => Run(args, stdout, stderr));
    }

    private int Run(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var wall = Stopwatch.StartNew();
        var commandLine = BenchApp.CommandLine(args);
        var count = args.GetValue(_posts);
        var passes = args.GetValue(_passes);
        var scoreRuns = args.GetValue(_scoreRuns);
        var output = BenchPaths.Resolve(args.GetValue(_out), DefaultOut);
        ICsvCandidate[] readers = [new HandWrittenCandidate(), new SepCandidate(), new CsvHelperCandidate(strictText: false), new CsvHelperCandidate(strictText: true), new PrecheckedCsvHelperCandidate()];
        if (args.GetValue(_timingsOf) is { } timedFile)
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
