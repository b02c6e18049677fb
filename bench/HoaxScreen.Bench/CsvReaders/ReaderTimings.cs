using System.Diagnostics;

namespace HoaxScreen.Bench.CsvReaders;

/// <summary>
/// Each reader over the same file: warm-up passes first (at least two, and for two seconds), then rounds in which every reader reads the whole file once,
/// the order rotating each round so a neighbour's load hits them alike. Wall time, the process's CPU time (what the
/// reading costs even when neighbours take the cores away: wall times then scatter) and bytes allocated on this thread per pass.
/// </summary>
internal static class ReaderTimings
{
    public const int WarmUpPasses = 2;

    public static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(2);

    /// <param name="CpuSeconds">Process CPU seconds per pass, the mean over the passes (the clock counts in ticks of 10 ms, so one pass alone is too coarse).</param>
    public sealed record Timing(
        ICsvCandidate Reader, double MedianSeconds, double MinSeconds, double MaxSeconds, double CpuSeconds, long MedianAllocatedBytes, int Posts, long Characters);

    public static IReadOnlyList<Timing> Measure(IReadOnlyList<ICsvCandidate> readers, string path, int passes, TextWriter stderr)
    {
        var seconds = readers.Select(_ => new List<double>()).ToArray();
        var allocated = readers.Select(_ => new List<long>()).ToArray();
        var cpu = new double[readers.Count];
        using var self = Process.GetCurrentProcess();
        var results = new (int Posts, long Characters)[readers.Count];
        for (var r = 0; r < readers.Count; r++)
        {
            // Long enough for tiered compilation to reach its optimised code, which a few short passes are not.
            var warming = Stopwatch.StartNew();
            for (var pass = 0; pass < WarmUpPasses || warming.Elapsed < WarmUpTime; pass++)
            {
                results[r] = readers[r].ReadPosts(path);
            }
        }

        for (var round = 0; round < passes; round++)
        {
            for (var k = 0; k < readers.Count; k++)
            {
                var r = (round + k) % readers.Count;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                var before = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                var result = readers[r].ReadPosts(path);
                seconds[r].Add(clock.Elapsed.TotalSeconds);
                self.Refresh();
                cpu[r] += (self.TotalProcessorTime - cpuBefore).TotalSeconds;
                allocated[r].Add(GC.GetAllocatedBytesForCurrentThread() - before);
                if (result != results[r])
                {
                    throw new InvalidOperationException($"{readers[r].Name} read {result} on one pass and {results[r]} on another");
                }
            }

            stderr.WriteLine($"[csv-readers] round {round + 1}/{passes}: {string.Join(", ", readers.Select((x, i) => $"{x.Name} {seconds[i][^1] * 1000:F0} ms"))}");
        }

        return [.. readers.Select((reader, r) => new Timing(
            reader, Median(seconds[r]), seconds[r].Min(), seconds[r].Max(), cpu[r] / passes, (long)Median(allocated[r].Select(a => (double)a)), results[r].Posts, results[r].Characters))];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
