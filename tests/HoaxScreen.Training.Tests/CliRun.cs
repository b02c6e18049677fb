namespace HoaxScreen.Training.Tests;

/// <summary>Runs the CLI in process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The last line written to stderr: errors are one line.</summary>
    public string LastError => Stderr.TrimEnd().Split('\n')[^1];
}
