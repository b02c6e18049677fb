using System.Globalization;

namespace HoaxScreen.Bench.CsvReaders;

/// <summary>
/// The bulk <c>score</c> row of bench/results/speed.md (measured on a quiet machine): a reference beside this run's own
/// score runs, whose CPU time grows when other jobs share the cores.
/// </summary>
internal static class SpeedResultsReference
{
    private const string RowStart = "| HoaxScreen `score` CLI (Release) |";

    public sealed record Row(double Seconds, double PostsPerSecond, double PostsPerCpuSecond);

    public static string Path => System.IO.Path.Combine(BenchPaths.Results, "speed.md");

    /// <summary>The row's seconds, posts/s and posts per CPU-second, or null when the file or the row is not there.</summary>
    public static Row? Read()
    {
        if (!File.Exists(Path) || File.ReadLines(Path).FirstOrDefault(l => l.StartsWith(RowStart, StringComparison.Ordinal)) is not { } line)
        {
            return null;
        }

        // | system | labels | seconds | posts/s | label-scores/s | posts per CPU-second | ...
        var cells = line.Split('|').Select(c => c.Trim().Replace(",", string.Empty, StringComparison.Ordinal)).ToArray();
        return double.TryParse(cells[3], CultureInfo.InvariantCulture, out var seconds)
            && double.TryParse(cells[4], CultureInfo.InvariantCulture, out var rate)
            && double.TryParse(cells[6], CultureInfo.InvariantCulture, out var perCpu)
            ? new Row(seconds, rate, perCpu)
            : null;
    }
}
