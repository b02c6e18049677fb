namespace HoaxScreen.Tests.Shared;

/// <summary>Locates the repository (the folder holding HoaxScreen.sln) and the shared data beside it, from the test assembly.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string DefaultModel => Path.Combine(Root, "models", "default");

    /// <summary>models/team: the bundle trained from data/ only (CC BY 4.0).</summary>
    public static string TeamModel => Path.Combine(Root, "models", "team");

    public static string Bundle(string name) => Path.Combine(Root, "models", name);

    public static string DataFolder => Path.Combine(Root, "data");

    /// <summary>../shared/data next to the repository; tests that need it skip when it is absent.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HoaxScreen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HoaxScreen.sln not found above " + AppContext.BaseDirectory);
    }
}
