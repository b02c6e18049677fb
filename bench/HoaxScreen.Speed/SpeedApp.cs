namespace HoaxScreen.Speed;

/// <summary>Commands: <c>bdn</c> (BenchmarkDotNet suite, the default), <c>bulk</c> (against fastText and scikit-learn), <c>claims-bulk</c> (with and without --claims), <c>profile</c>, <c>claims-match</c>, <c>claims-import</c>.</summary>
public static class SpeedApp
{
    public const string Usage = """
        usage: dotnet run --project bench/HoaxScreen.Speed -c Release -- COMMAND [options]
          bdn     [--out FILE] [BenchmarkDotNet args]   in-process benchmarks (single post, batch of 256, breakdown)
          bulk    [--posts N] [--runs N] [--label L] [--out FILE]
                                                         score CLI over N posts beside fastText and scikit-learn
          claims-bulk [--posts N] [--runs N] [--out FILE]
                                                         score CLI over N posts with and without --claims
          profile [SECONDS] [--bulk]                     quick Stopwatch breakdown per stage (--bulk: the bulk texts)
          claims-match  [--claims N] [--posts N] [--rounds N] [--matcher DIR]
                                                         known-hoax matching time per post against a generated store
          claims-import [--claims N] [--runs N]          claims import CLI of a generated store into a fresh SQLite file
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var command = args.Length > 0 ? args[0] : "bdn";
        var rest = args.Length > 0 ? args[1..] : [];
        switch (command)
        {
            case "bulk":
                return BulkCommand.Run(rest, stdout, stderr);
            case "claims-bulk":
                return ClaimsBulkCommand.Run(rest, stdout, stderr);
            case "bdn":
                return BdnCommand.Run(rest, stdout, stderr);
            case "profile":
                return ProfileCommand.Run(rest, stdout);
            case "claims-match":
                return ClaimsMatchCommand.Run(rest, stdout);
            case "claims-import":
                return ClaimsImportCommand.Run(rest, stdout, stderr);
            case "-h" or "--help" or "help":
                stdout.WriteLine(Usage);
                return 0;
            default:
                stderr.WriteLine($"unknown command '{command}'");
                stderr.WriteLine(Usage);
                return 2;
        }
    }
}
