using HoaxScreen.Core.Claims;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Training.Commands;

/// <summary>
/// claims import --db DB --in FILE [--format csv|jsonl|claimreview|google|mafindo]: reads and checks the whole file,
/// then upserts it into the fact-check store in one transaction (a bad file changes nothing).
/// </summary>
public static class ClaimsCommand
{
    public static readonly string[] ImportOptions = ["db", "in", "format"];

    public static int Run(string[] args, TextWriter stdout)
    {
        if (args.Length == 0)
        {
            throw new CliException("claims needs a subcommand: import");
        }

        return args[0] switch
        {
            "import" => Import(CliArguments.Parse(args[1..], ImportOptions), stdout),
            _ => throw new CliException($"unknown claims subcommand '{args[0]}' (expected import)"),
        };
    }

    private static int Import(CliArguments args, TextWriter stdout)
    {
        var db = args.Required("db");
        var input = args.Required("in");
        ClaimFormat? format = null;
        if (args.Optional("format") is { } name)
        {
            format = ClaimFormats.Parse(name)
                ?? throw new CliException($"--format must be one of {string.Join(", ", ClaimFormats.Names)}, not '{name}'");
        }

        // Read and check everything before the store is touched (or even created).
        var batch = ClaimImport.Load(input, format);
        var store = ClaimStore.Open(db);
        var result = store.Upsert(batch.Claims);

        var duplicates = batch.DuplicateIds > 0 ? $" ({batch.DuplicateIds} repeated an earlier id: the last of each kept)" : "";
        stdout.WriteLine($"read {batch.Records} claims from {input} as {ClaimFormats.Name(batch.Format)}{duplicates}");
        stdout.WriteLine(
            $"added {result.Added}, updated {result.Updated}, unchanged {result.Unchanged}; {store.Path} now holds {result.Total} claims (revision {result.Revision})");
        return 0;
    }
}
