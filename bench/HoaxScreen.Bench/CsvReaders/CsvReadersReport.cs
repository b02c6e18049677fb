using System.Globalization;
using System.Text;

namespace HoaxScreen.Bench.CsvReaders;

/// <summary>The csv-readers report: reading speed, the share of a score run, the edge-case table and what follows from them.</summary>
internal static class CsvReadersReport
{
    public static string Render(
        string[] commandLine,
        BulkPostsFile.Summary input,
        int passes,
        IReadOnlyList<(JitModeTimings.Mode Mode, IReadOnlyList<ReaderTimings.Timing> Timings)> modes,
        ScoreRuns.Result? score,
        int scoreRuns,
        IReadOnlyList<(CsvEdgeCase Case, CsvEdgeVerdict[] Verdicts)> edges)
    {
        var md = new StringBuilder();
        // The first mode is the one `score` runs in: its figures decide.
        var timings = modes[0].Timings;
        var own = timings[0];
        md.AppendLine("# CSV readers: HoaxScreen's own, Sep and CsvHelper (issue 27)").AppendLine();
        md.AppendLine(Invariant($"`dotnet run --project bench/HoaxScreen.Bench -c Release -- {string.Join(' ', commandLine)}`, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average before: {LoadAverage()}.")).AppendLine();

        md.AppendLine("## Reading the bulk run's posts").AppendLine();
        md.AppendLine(Invariant($"Input: {input.Posts:N0} posts ({input.Bytes / 1e6:F1} MB) from {input.Source}, mean {input.MeanLength:F0} characters; {input.WithComma:F1} % hold a ',', {input.WithQuote:F1} % a '\"', {input.WithLineBreak:F1} % a line break (every {BulkPostsFile.LineBreakEvery}th post joined to the next); columns `id,text`, UTF-8, LF."));
        md.AppendLine(Invariant($"Work per pass: open the file, detect the separator, read the header, then every post's id and text as strings, checking each row's field count (what `score` does before scoring). Warm-up passes per reader (at least {ReaderTimings.WarmUpPasses}, and for {ReaderTimings.WarmUpTime.TotalSeconds:F0} s), then {passes} rounds of one pass per reader, the order rotating each round, a full collection before each pass; one thread; in a child process per JIT mode. CPU = the process's CPU time over a reader's timed passes ÷ passes (robust when other jobs take the cores: wall times then scatter). Allocated = `GC.GetAllocatedBytesForCurrentThread` over a pass (median)."));
        md.AppendLine();
        foreach (var (mode, times) in modes)
        {
            md.AppendLine($"JIT {mode.Name}:").AppendLine();
            md.AppendLine("| reader | CPU ms/pass | CPU ÷ hand-written | wall ms, median | wall ms, min-max | wall ÷ hand-written | posts/s (median wall) | allocated MB/pass | allocated B/post |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var t in times)
            {
                md.AppendLine(Invariant($"| {t.Reader.Name} | {t.CpuSeconds * 1000:F1} | **{t.CpuSeconds / times[0].CpuSeconds:F2}** | {t.MedianSeconds * 1000:F1} | {t.MinSeconds * 1000:F1}-{t.MaxSeconds * 1000:F1} | {t.MedianSeconds / times[0].MedianSeconds:F2} | {t.Posts / t.MedianSeconds:N0} | {t.MedianAllocatedBytes / 1e6:F1} | {(double)t.MedianAllocatedBytes / t.Posts:F0} |"));
            }

            md.AppendLine();
        }

        var same = modes.SelectMany(m => m.Timings).All(t => t.Posts == own.Posts && t.Characters == own.Characters);
        md.AppendLine(same
            ? Invariant($"All read the same {own.Posts:N0} posts and {own.Characters:N0} characters of ids and texts.")
            : "**The readers disagree:** " + string.Join("; ", timings.Select(t => Invariant($"{t.Reader.Name} {t.Posts:N0} posts, {t.Characters:N0} characters"))));
        md.AppendLine();

        md.AppendLine("## How much of a `score` run reading is").AppendLine();
        if (score is null)
        {
            md.AppendLine(scoreRuns == 0 ? "Skipped (`--score-runs 0`)." : $"Skipped: {BenchPaths.Display(ScoreRuns.TrainingDll)} is not built (`dotnet build src/HoaxScreen.Training -c Release`).").AppendLine();
        }
        else
        {
            var postsPerSecond = input.Posts / score.WallSeconds;
            md.AppendLine(Invariant($"The `score` CLI (Release, all labels of models/default) over the same file, {score.Runs} runs, each also over a header-only file whose time (model loading) is subtracted; medians: **{score.WallSeconds:F2} s wall ({postsPerSecond:N0} posts/s), {score.CpuSeconds:F2} s CPU** (all its threads); its own timer says {score.ReportedPostsPerSecond:N0} posts/s (bench/results/speed.md has ~78-81k posts/s for 100,000 tweet-length posts without ids). `score` reads on one thread while scorers (one per core) and a writer run beside it, so reading costs CPU that the scorers could use rather than adding its time to the run's.")).AppendLine();
            md.AppendLine($"Reading in `score`'s JIT mode ({modes[0].Mode.Name}):").AppendLine();
            md.AppendLine("| reader | reading, CPU s | ÷ score CPU | CPU saved vs hand-written, share of score CPU | reading, median wall s | ÷ score wall |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var t in timings)
            {
                md.AppendLine(Invariant($"| {t.Reader.Name} | {t.CpuSeconds:F3} | {100 * t.CpuSeconds / score.CpuSeconds:F1} % | {100 * (own.CpuSeconds - t.CpuSeconds) / score.CpuSeconds:F1} % | {t.MedianSeconds:F3} | {100 * t.MedianSeconds / score.WallSeconds:F1} % |"));
            }

            md.AppendLine();
        }

        if (SpeedResultsReference.Read() is { } quiet)
        {
            var quietCpu = input.Posts / quiet.PostsPerCpuSecond;
            md.AppendLine(Invariant($"Against bench/results/speed.md's bulk `score` row (a quieter machine: {quiet.PostsPerSecond:N0} posts/s, {quiet.PostsPerCpuSecond:N0} posts per CPU-second, so {quietCpu:F2} s CPU for {input.Posts:N0} posts):")).AppendLine();
            md.AppendLine("| reader | ÷ that score CPU | CPU saved vs hand-written, share of that score CPU |");
            md.AppendLine("|---|---:|---:|");
            foreach (var t in timings)
            {
                md.AppendLine(Invariant($"| {t.Reader.Name} | {100 * t.CpuSeconds / quietCpu:F1} % | {100 * (own.CpuSeconds - t.CpuSeconds) / quietCpu:F1} % |"));
            }

            md.AppendLine();
        }

        md.AppendLine("## Malformed and edge-case files").AppendLine();
        md.AppendLine("The cases of MalformedCsvTests, ScoreDelimiterTests, CsvRecordReaderTests and CsvDelimiterTests that the reader decides, each through every reader as configured above:");
        md.AppendLine("- hand-written: `CsvRecordReader.Open(path, delimiter: null)` (strict UTF-8), with the field-count check its callers do;");
        md.AppendLine("- Sep: `Unescape = true`, separator detected, a strict UTF-8 `StreamReader`; its own field-count check off (with it on, a blank line is an error), the same check done by the adapter; blank rows skipped;");
        md.AppendLine("- CsvHelper: `MalformedData = Throw`, `FieldCountMismatch = Throw`, `MissingField = Throw`, `TrackLineNumbers = true`, separator detected, blank lines skipped; reading the file's bytes (its fast path; `Encoding` set to a throwing UTF-8 changes nothing there, bad bytes become U+FFFD), or text from a strict UTF-8 `StreamReader`, or its bytes after a streaming `Utf8.IsValid` pass over the file that names the first bad line (`Utf8FileCheck`, what a wrapper would have to add).");
        md.AppendLine();
        md.AppendLine("A `DecoderFallbackException` names no line with any reader, since decoding runs ahead of parsing; the hand-written reader then rescans the file for the first bad byte's line (`CsvRecordReader.FirstInvalidUtf8Line`), which a wrapper around either library could do as well.");
        md.AppendLine();
        md.AppendLine("✔ = as expected (the records, separator and data-record lines; or an error naming the line); ~ = an error, but without the right line; ✘ = wrong records, a valid file rejected, or bad input read as if it were good.").AppendLine();
        md.AppendLine($"| case | expected | {string.Join(" | ", timings.Select(t => t.Reader.Name))} |");
        md.AppendLine($"|---|---|{string.Concat(timings.Select(_ => "---|"))}");
        foreach (var (edge, verdicts) in edges)
        {
            var expected = edge.ExpectsError ? $"error, line {edge.ErrorLine}" : $"{Math.Max(0, edge.Records!.Length - 1)} data rows";
            md.AppendLine($"| {edge.Name} | {expected} | {string.Join(" | ", verdicts.Select(v => v.Cell.Replace("|", "\\|", StringComparison.Ordinal)))} |");
        }

        var passed = timings.Select((_, r) => edges.Count(e => e.Verdicts[r].Passed)).ToArray();
        md.AppendLine($"| **as expected** | | {string.Join(" | ", passed.Select(p => $"**{p} of {edges.Count}**"))} |").AppendLine();

        md.AppendLine("Messages on the error cases (the temporary folder left out; a file name is ours to add where the reader gives a line):").AppendLine();
        foreach (var (edge, verdicts) in edges.Where(e => e.Case.ExpectsError))
        {
            md.AppendLine($"- {edge.Name}:");
            for (var r = 0; r < timings.Count; r++)
            {
                md.AppendLine($"  - {timings[r].Reader.Name}: {(verdicts[r].Message is { } m ? $"`{m.Replace("`", "'", StringComparison.Ordinal)}`" : "none")}");
            }
        }

        md.AppendLine();
        md.AppendLine("## What follows").AppendLine();
        var fastest = timings.MinBy(t => t.CpuSeconds)!;
        bool Wins(int r) => r > 0 && timings[r].CpuSeconds < own.CpuSeconds && passed[r] >= passed[0];
        var alone = timings.Select((t, r) => (t, r)).Where(x => !x.t.Reader.NeedsOwnCode && Wins(x.r)).ToList();
        var wrapped = timings.Select((t, r) => (t, r)).Where(x => x.t.Reader.NeedsOwnCode && Wins(x.r)).ToList();
        md.AppendLine(alone.Count > 0
            ? $"- {string.Join(" and ", alone.Select(w => w.t.Reader.Name))}, on its own, is faster than the hand-written reader as `score` runs and handles at least as many cases: it wins on both."
            : $"- No library on its own is both faster than the hand-written reader as `score` runs and as correct on the {edges.Count} cases: **keep the hand-written reader**.");
        foreach (var (t, r) in wrapped)
        {
            md.AppendLine(Invariant($"- {t.Reader.Name} matches it on the cases ({passed[r]} of {edges.Count}) at {t.CpuSeconds / own.CpuSeconds:F2}× its CPU time, but only with code written here around the library, the kind of code the change was to remove."));
        }

        md.AppendLine(Invariant($"- Fastest as `score` runs: {fastest.Reader.Name}, {fastest.CpuSeconds / own.CpuSeconds:F2}× the hand-written reader's CPU time."));
        for (var r = 0; r < timings.Count; r++)
        {
            var missed = edges.Where(e => !e.Verdicts[r].Passed).Select(e => $"{e.Case.Name} ({e.Verdicts[r].Cell})").ToList();
            var ratios = string.Join(", ", modes.Select(m => Invariant($"{m.Timings[r].CpuSeconds / m.Timings[0].CpuSeconds:F2}× {(m.Mode.Tiered ? "tiered" : "as `score` runs")}")));
            md.AppendLine(Invariant($"- {timings[r].Reader.Name}: CPU time {ratios} the hand-written reader's; {(missed.Count == 0 ? "every case as expected" : "not as expected: " + string.Join("; ", missed))}."));
        }

        if (modes.FirstOrDefault(m => m.Mode.Tiered).Timings is { } tiered)
        {
            md.AppendLine(Invariant($"- The hand-written reader depends most on the JIT mode: {own.CpuSeconds * 1000:F1} ms CPU per pass as `score` runs, {tiered[0].CpuSeconds * 1000:F1} ms tiered (dynamic PGO); the libraries' vectorised code changes less ({string.Join(", ", timings.Skip(1).Select((t, i) => $"{t.Reader.Name} {t.CpuSeconds * 1000:F1} → {tiered[i + 1].CpuSeconds * 1000:F1} ms"))})."));
        }

        if (SpeedResultsReference.Read() is { } reference)
        {
            var referenceCpu = input.Posts / reference.PostsPerCpuSecond;
            md.AppendLine(Invariant($"- End to end, against speed.md's quiet-machine score run: the hand-written reader's pass is {100 * own.CpuSeconds / referenceCpu:F1} % of its CPU; the fastest reader would give back at most {100 * (own.CpuSeconds - fastest.CpuSeconds) / referenceCpu:F1} % of it to the scorers."));
        }

        if (score is not null)
        {
            md.AppendLine(Invariant($"- End to end, against this run's score runs: the hand-written reader's pass is {100 * own.CpuSeconds / score.CpuSeconds:F1} % of their CPU; the fastest reader would give back at most {100 * (own.CpuSeconds - fastest.CpuSeconds) / score.CpuSeconds:F1} % of it to the scorers."));
        }

        return md.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
