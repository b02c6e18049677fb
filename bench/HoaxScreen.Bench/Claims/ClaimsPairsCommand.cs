using System.CommandLine;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Bench.Claims;

/// <summary>
/// claims-pairs --out DIR [--data ../shared/data] [--clean 1000]: writes the benchmark's indexed claims (claims.csv) and
/// every query as training pairs (pairs.csv: known → repeat, unseen and clean → unrelated) for <c>claims train</c>.
/// DIR must be outside the repository: the rows are benchmark-only data and are never committed.
/// </summary>
public sealed class ClaimsPairsCommand : Command
{
    private readonly Option<string> _out = CliOptions.Text(
        "--out", "DIR", "the folder claims.csv and pairs.csv are written to; outside the repository (e.g. under /tmp)", required: true);

    private readonly Option<string> _data = CliOptions.Text(
        "--data", "DIR", $"the shared data folder holding {ClaimsBenchData.ClaimsFolder}/ and {ClaimsBenchData.CleanFile} (default: ../shared/data)");

    private readonly Option<int> _clean = CliOptions.WholeNumber(
        "--clean", "N", "clean posts drawn as unrelated queries, 10..100000", ClaimsBenchData.DefaultClean, min: 10, max: 100_000);

    public ClaimsPairsCommand(TextWriter stdout)
        : base("claims-pairs", "Write the claims benchmark's indexed claims and its queries as training pairs, for 'claims train'.")
    {
        Add(_out);
        Add(_data);
        Add(_clean);
        SetAction(args => Run(args, stdout));
    }

    private int Run(ParseResult args, TextWriter stdout)
    {
        var output = Path.GetFullPath(args.GetRequiredValue(_out));
        var sharedData = args.GetValue(_data) is { } d ? Path.GetFullPath(d) : BenchPaths.SharedData;
        var clean = args.GetValue(_clean);
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
