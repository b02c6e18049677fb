namespace HoaxScreen.Training.Cli;

/// <summary>
/// The folder that <c>--out</c> goes in must already exist: a mistyped path fails at once, in one line and before any
/// work is done, and no folder is created where the user did not mean one. The commands create only what --out names.
/// </summary>
public static class OutputFolder
{
    /// <summary>The full path of <paramref name="output"/>, once its folder is known to exist.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder is missing (exit code 1, like a missing input).</exception>
    public static string Check(string output)
    {
        var full = Path.GetFullPath(output);
        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            // Named as the user wrote it, so the mistake is easy to spot.
            var given = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(output));
            throw new DirectoryNotFoundException(
                $"output folder '{(string.IsNullOrEmpty(given) ? folder : given)}' does not exist (create it first, or choose another --out)");
        }

        return full;
    }
}
