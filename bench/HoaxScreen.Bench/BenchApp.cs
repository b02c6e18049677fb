using System.CommandLine;
using HoaxScreen.Bench.Adapt;
using HoaxScreen.Bench.Claims;
using HoaxScreen.Bench.CsvReaders;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Bench;

/// <summary>
/// The benchmark commands on System.CommandLine, each with --help; every failure becomes one line and a non-zero exit
/// (2 bad usage, 1 bad data, model or path), in the same words as the training CLI.
/// </summary>
public static class BenchApp
{
    public const string Description = """
        HoaxScreen benchmarks: quality, robustness, known-claim matching, adaptation, term lists and CSV readers; each
        writes its report under bench/results/ unless --out says otherwise (protocols in bench/README.md).
        Exit codes: 0 done, 1 bad data, model or path, 2 bad usage.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, Console.In, stdout, stderr);

    /// <param name="stdin">What <c>obfuscate</c> reads its lines from.</param>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        CommandLineRunner.Run(Commands(stdin, stdout, stderr), args, stdout, stderr, ex => ex is DataFormatException or ModelBundleException);

    /// <summary>The commands, built per run so each writes to the writers it was given.</summary>
    public static RootCommand Commands(TextReader stdin, TextWriter stdout, TextWriter stderr) => new(Description)
    {
        new RobustnessCommand(stdout, stderr),
        new QualityCommand(stdout, stderr),
        new ClaimsQualityCommand(stdout, stderr),
        new ClaimsPairsCommand(stdout),
        new AdaptBenchCommand(stdout, stderr),
        new TermListsCommand(stdout, stderr),
        new CsvReadersCommand(stdout, stderr),
        new ObfuscateCommand(stdin, stdout),
    };

    /// <summary>
    /// The command line as the user wrote it after the tool's name ("csv-readers --posts 1000"), for a report to
    /// say how it was made.
    /// </summary>
    public static string[] CommandLine(ParseResult args) => [.. args.Tokens.Select(token => token.Value)];
}
