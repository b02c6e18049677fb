using HoaxScreen.Training.Cli;

namespace HoaxScreen.Bench.Claims;

/// <summary>
/// claims-pairs --out DIR [--data ../shared/data] [--clean 1000]: writes the benchmark's indexed claims (claims.csv) and
/// every query as training pairs (pairs.csv: known → repeat, unseen and clean → unrelated) for <c>claims train</c>.
/// DIR must be outside the repository: the rows are benchmark-only data and are never committed.
/// </summary>
public static class ClaimsPairsCommand
{
    public static readonly string[] Options = ["out", "data", "clean"];

    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var output = Path.GetFullPath(args.Required("out"));
        var sharedData = args.Optional("data") is { } d ? Path.GetFullPath(d) : BenchPaths.SharedData;
        var clean = args.Int("clean", ClaimsBenchData.DefaultClean, 10, 100_000);
        var root = Path.TrimEndingDirectorySeparator(BenchPaths.Root) + Path.DirectorySeparatorChar;
        if ((Path.TrimEndingDirectorySeparator(output) + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal))
        {
            throw new CliException($"--out {output} is inside the repository; write benchmark data outside it (e.g. under /tmp)");
        }

        if (!ClaimsBenchData.Available(sharedData))
        {
            throw new CliException($"{sharedData} has no {ClaimsBenchData.ClaimsFolder} or {ClaimsBenchData.CleanFile}");
        }

        var data = ClaimsBenchData.Load(sharedData, clean);
        Directory.CreateDirectory(output);
        ClaimsFiles.WriteClaims(Path.Combine(output, "claims.csv"), data.IndexedClaims);
        ClaimsFiles.WritePairs(Path.Combine(output, "pairs.csv"), data.Queries);
        stdout.WriteLine(
            $"wrote {Path.Combine(output, "claims.csv")} ({data.IndexedClaims.Count:N0} claims) and {Path.Combine(output, "pairs.csv")} " +
            $"({data.Queries.Count(q => q.Kind == QueryKind.Known):N0} repeat, {data.Queries.Count(q => q.Kind != QueryKind.Known):N0} unrelated posts)");
        return 0;
    }
}
