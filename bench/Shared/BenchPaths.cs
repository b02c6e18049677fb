namespace HoaxScreen.Bench.Shared;

/// <summary>
/// Paths relative to the repository root (the folder holding HoaxScreen.sln), so the bench tools run the same from any
/// folder. Linked into each bench project.
/// </summary>
public static class BenchPaths
{
    public const string SolutionFile = "HoaxScreen.sln";

    public static string Root { get; } = Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();

    public static string DefaultModel => Path.Combine(Root, "models", "default");

    public static string Posts => Path.Combine(Root, "data", "posts.csv");

    /// <summary>The public datasets beside the repository (never copied into it).</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    public static string Results => Path.Combine(Root, "bench", "results");

    /// <summary>A path given by the user is relative to the current folder; a default one to the repository root.</summary>
    public static string Resolve(string? given, string defaultRelativeToRoot) =>
        given is null ? Path.GetFullPath(defaultRelativeToRoot, Root) : Path.GetFullPath(given);

    /// <summary>How a path is shown in reports: relative to the repository when inside it.</summary>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Root, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? path : relative).Replace('\\', '/');
    }

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
