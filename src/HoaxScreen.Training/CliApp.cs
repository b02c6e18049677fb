using System.CommandLine;
using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Feedback;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Training.Cli;
using HoaxScreen.Training.Commands;

namespace HoaxScreen.Training;

/// <summary>
/// The training CLI on System.CommandLine: train / crossvalidate / evaluate / score / seal / adapt / claims / feedback,
/// each with --help; every failure becomes one line and a non-zero exit (2 bad usage, 1 bad data, model or path).
/// </summary>
public static class CliApp
{
    public const string Description = """
        HoaxScreen training CLI: trains, evaluates and seals model bundles, scores posts in bulk, keeps the known-claims
        store and adapts a bundle to a community from its moderators' feedback.
        CSV input: fields separated by ',' ';' or tab, detected from the header line unless --delimiter says.
        The folder --out goes in must exist: train creates BUNDLE_DIR in it, score the scores file.
        Exit codes: 0 done, 1 bad data, model or path, 2 bad usage, 130 interrupted or stopped at --max-rows (score: rerun with --resume).
        """;

    /// <param name="host">The console the CLI runs on; <see cref="CliHost.InProcess"/> when omitted (tests).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliHost? host = null) =>
        CommandLineRunner.Run(
            Commands(stdout, stderr, host ?? CliHost.InProcess),
            args,
            stdout,
            stderr,
            ex => ex is DataFormatException or ModelBundleException or ClaimImportException or ClaimStoreException or FeedbackStoreException);

    /// <summary>The verbs, built per run so each writes to the writers it was given.</summary>
    public static RootCommand Commands(TextWriter stdout, TextWriter stderr, CliHost host) => new(Description)
    {
        new TrainCommand(stdout, stderr),
        new CrossValidateCommand(stdout, stderr),
        new EvaluateCommand(stdout, stderr),
        new ScoreCommand(stdout, stderr, host),
        new SealCommand(stdout),
        new AdaptCommand(stdout, stderr),
        new ClaimsCommand(stdout, stderr),
        new FeedbackCommand(stderr),
    };
}
