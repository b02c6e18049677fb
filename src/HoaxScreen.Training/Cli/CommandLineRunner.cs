using System.CommandLine;
using System.CommandLine.Invocation;

namespace HoaxScreen.Training.Cli;

/// <summary>
/// Runs a System.CommandLine root the way HoaxScreen's tools answer: help with no arguments (stderr, exit 2),
/// <c>help VERB</c> as <c>VERB --help</c>, a usage error in one line (exit 2), a data, model or path failure in one line
/// (exit 1). Shared by the training CLI and the bench tool so both answer in the same words.
/// </summary>
public static class CommandLineRunner
{
    // "@file" would be read as a response file: a post's text, a path or a JSON value may well begin with '@'.
    public static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    /// <param name="isDataError">Failures of the data, model or paths (exit 1); anything else propagates.</param>
    public static int Run(RootCommand root, string[] args, TextWriter stdout, TextWriter stderr, Func<Exception, bool> isDataError)
    {
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException || isDataError(ex))
        {
            stderr.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    // Failures reach the catch blocks above (no stack trace printed by the library), and Ctrl+C stays with the tool
    // (the training CLI's CliHost lets score stop at a row boundary).
    private static InvocationConfiguration Invocation(TextWriter stdout, TextWriter stderr) => new()
    {
        Output = stdout,
        Error = stderr,
        EnableDefaultExceptionHandler = false,
        ProcessTerminationTimeout = null,
    };
}
