using System.Diagnostics;
using System.Globalization;

namespace HoaxScreen.Bench.CsvReaders;

/// <summary>
/// The reading times in a child process per JIT mode, since the mode decides the hand-written reader's speed: the
/// <c>score</c> CLI runs with tiered compilation off (HoaxScreen.Training.csproj: every method compiled optimised once,
/// no dynamic PGO), while the .NET default (tiered, with PGO) speeds up plain C# loops far more than the libraries'
/// vectorised code. The child is this tool with <c>--timings-of FILE</c>, which prints one tab-separated line per reader.
/// </summary>
internal static class JitModeTimings
{
    public sealed record Mode(string Name, bool Tiered);

    public static readonly Mode[] Modes =
    [
        new("as `score` runs: `TieredCompilation` off (no dynamic PGO)", Tiered: false),
        new(".NET's default: tiered compilation with dynamic PGO", Tiered: true),
    ];

    public static IReadOnlyList<ReaderTimings.Timing> InChild(Mode mode, IReadOnlyList<ICsvCandidate> readers, string path, int passes, TextWriter stderr)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])[typeof(JitModeTimings).Assembly.Location, "csv-readers", "--timings-of", path, "--passes", passes.ToString(CultureInfo.InvariantCulture)])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_TieredCompilation"] = mode.Tiered ? "1" : "0";
        stderr.WriteLine($"[csv-readers] timing in a child process, {mode.Name}");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start dotnet");
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();
        if (process.ExitCode != 0 || lines.Length != readers.Count)
        {
            throw new InvalidOperationException($"the timing child exited with {process.ExitCode} after {lines.Length} of {readers.Count} readers");
        }

        return [.. lines.Select((line, r) => Parse(line, readers[r]))];
    }

    /// <summary>The child's side: one line per reader, in the readers' order.</summary>
    public static void Print(IEnumerable<ReaderTimings.Timing> timings, TextWriter stdout)
    {
        foreach (var t in timings)
        {
            stdout.WriteLine(string.Join('\t', new object[] { t.MedianSeconds, t.MinSeconds, t.MaxSeconds, t.CpuSeconds, t.MedianAllocatedBytes, t.Posts, t.Characters }
                .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        }
    }

    private static ReaderTimings.Timing Parse(string line, ICsvCandidate reader)
    {
        var f = line.Trim().Split('\t');
        double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return new ReaderTimings.Timing(
            reader, D(0), D(1), D(2), D(3), long.Parse(f[4], CultureInfo.InvariantCulture), int.Parse(f[5], CultureInfo.InvariantCulture), long.Parse(f[6], CultureInfo.InvariantCulture));
    }
}
