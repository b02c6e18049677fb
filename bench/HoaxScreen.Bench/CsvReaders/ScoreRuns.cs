using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HoaxScreen.Bench.CsvReaders;

/// <summary>
/// The bulk <c>score</c> CLI (Release build, a separate process, as the speed bench runs it) over the same file, so the
/// reading time can be set against a whole run's: each run scores a header-only file (model loading, subtracted) and
/// then the posts. Wall seconds, and CPU seconds of the child from /proc/self/stat (all of its threads: reader, scorers, writer).
/// </summary>
internal static partial class ScoreRuns
{
    /// <summary>Medians over the runs: seconds spent on the posts (loading excluded) and the CLI's own posts/s.</summary>
    public sealed record Result(int Runs, double WallSeconds, double CpuSeconds, double ReportedPostsPerSecond);

    public static string TrainingDll => Path.Combine(BenchPaths.Root, "src", "HoaxScreen.Training", "bin", "Release", "net10.0", "HoaxScreen.Training.dll");

    public static Result? Measure(string posts, int runs, string work, TextWriter stderr)
    {
        if (!File.Exists(TrainingDll) || runs == 0)
        {
            return null;
        }

        var empty = Path.Combine(work, "empty.csv");
        File.WriteAllText(empty, "id,text\n");
        var output = Path.Combine(work, "scores.csv");
        var fullWall = new List<double>();
        var fullCpu = new List<double>();
        var emptyWall = new List<double>();
        var emptyCpu = new List<double>();
        var reported = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var (wall0, cpu0, _) = Score(empty, output);
            var (wall, cpu, stderrText) = Score(posts, output);
            emptyWall.Add(wall0);
            emptyCpu.Add(cpu0);
            fullWall.Add(wall);
            fullCpu.Add(cpu);
            if (DoneLine().Match(stderrText) is { Success: true } done)
            {
                reported.Add(double.Parse(done.Groups["rate"].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture));
            }

            stderr.WriteLine($"[csv-readers] score run {run + 1}/{runs}: {wall:F2} s wall, {cpu:F2} s CPU; header-only file {wall0:F2} s");
        }

        return new Result(
            runs,
            ReaderTimings.Median(fullWall) - ReaderTimings.Median(emptyWall),
            ReaderTimings.Median(fullCpu) - ReaderTimings.Median(emptyCpu),
            reported.Count > 0 ? ReaderTimings.Median(reported) : double.NaN);
    }

    private static (double Wall, double Cpu, string Stderr) Score(string input, string output)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[TrainingDll, "score", "--model", BenchPaths.DefaultModel, "--in", input, "--out", output])
        {
            info.ArgumentList.Add(argument);
        }

        var cpuBefore = ChildrenCpuSeconds();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var wall = clock.Elapsed.TotalSeconds;
        var cpu = ChildrenCpuSeconds() - cpuBefore;
        _ = stdout.GetAwaiter().GetResult();
        var errors = stderr.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"score exited with {process.ExitCode}: {errors.Trim()}");
        }

        return (wall, cpu, errors);
    }

    /// <summary>
    /// User + system CPU seconds of the waited-for children of this process: fields 16 and 17 (cutime, cstime) of
    /// /proc/self/stat, in clock ticks of 1/100 s (Linux's USER_HZ); NaN elsewhere.
    /// </summary>
    private static double ChildrenCpuSeconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        var stat = File.ReadAllText("/proc/self/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
    }

    [GeneratedRegex(@"\[score\] done: .*?\((?<rate>[\d,]+) posts/s\)")]
    private static partial Regex DoneLine();
}
