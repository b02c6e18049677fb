using HoaxScreen.Core.Modeling;

namespace HoaxScreen.Api.Options;

/// <summary>Turns the configured <see cref="ModelOptions.Path"/> into the bundle folder to load.</summary>
public static class ModelPathResolver
{
    /// <summary>The folders tried, in order: the path itself when rooted, else content root then current directory.</summary>
    public static IReadOnlyList<string> Candidates(string configuredPath, string contentRoot)
    {
        if (System.IO.Path.IsPathRooted(configuredPath))
        {
            return [System.IO.Path.GetFullPath(configuredPath)];
        }

        var underContentRoot = System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, configuredPath));
        var underCurrentDirectory = System.IO.Path.GetFullPath(configuredPath);
        return underContentRoot == underCurrentDirectory ? [underContentRoot] : [underContentRoot, underCurrentDirectory];
    }

    /// <summary>The first candidate folder that holds a manifest, or null when none does.</summary>
    public static string? Resolve(string configuredPath, string contentRoot) =>
        Candidates(configuredPath, contentRoot)
            .FirstOrDefault(directory => File.Exists(System.IO.Path.Combine(directory, ModelBundle.ManifestFile)));

    /// <summary>A folder setting as a full path: rooted as given, else under the content root.</summary>
    public static string ResolveFolder(string configuredPath, string contentRoot) =>
        System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(configuredPath)
            ? configuredPath
            : System.IO.Path.Combine(contentRoot, configuredPath));
}
