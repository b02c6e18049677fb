namespace HoaxScreen.Bench;

/// <summary>Default paths are relative to the repository root, so the tool runs the same from any folder.</summary>
public static class RepoPaths
{
    public const string SolutionFile = "HoaxScreen.sln";

    public static string Root { get; } = Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();

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
