using System.CommandLine;
using System.CommandLine.Invocation;
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

    // "@file" would be read as a response file: a post's text or a path may well begin with '@' (a mention).
    internal static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    /// <param name="host">The console the CLI runs on; <see cref="CliHost.InProcess"/> when omitted (tests).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliHost? host = null)
    {
        var root = Commands(stdout, stderr, host ?? CliHost.InProcess);
        if (args.Length == 0)
        {
            root.Parse(["--help"], Parsing).Invoke(Invocation(stderr, stderr));
            return 2;
        }

        // "help score" is "score --help", as in git and dotnet.
        if (args[0] is "help")
        {
            args = [.. args[1..], "--help"];
        }

        var parsed = root.Parse(args, Parsing);
        if (parsed.Action is ParseErrorAction)
        {
            stderr.WriteLine($"error: {UsageError.Describe(parsed)}");
            return 2;
        }

        try
        {
            return parsed.Invoke(Invocation(stdout, stderr));
        }
        catch (CliException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return 2;
        }
        catch (Exception ex) when (ex is DataFormatException or ModelBundleException or ClaimImportException or ClaimStoreException or FeedbackStoreException)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return 1;
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

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

    // Failures reach the catch blocks above (no stack trace printed by the library), and Ctrl+C stays with CliHost,
    // which lets score stop at a row boundary.
    private static InvocationConfiguration Invocation(TextWriter stdout, TextWriter stderr) => new()
    {
        Output = stdout,
        Error = stderr,
        EnableDefaultExceptionHandler = false,
        ProcessTerminationTimeout = null,
    };
}
