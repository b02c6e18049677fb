using System.Text.RegularExpressions;
using HoaxScreen.Api.Options;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Modeling;

/// <summary>
/// Decides which folders a reload may load: the configured bundle folder, or a subfolder of <c>Model:ReloadRoot</c>.
/// Paths are compared after resolving <c>..</c> and symbolic links, so neither can lead outside. Also says how an answer
/// to the caller names a bundle: relative to <c>Model:ReloadRoot</c>, never by its absolute path on this server.
/// </summary>
public sealed partial class ModelReloadPaths(IOptions<ModelOptions> options, IHostEnvironment environment, ModelReloader reloader)
{
    /// <summary>Longest path a reload request may name.</summary>
    public const int MaxPathLength = 4_096;

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The resolved <c>Model:ReloadRoot</c>, or null when reloads are limited to the configured folder.</summary>
    public string? ReloadRoot =>
        string.IsNullOrWhiteSpace(options.Value.ReloadRoot) ? null : ModelPathResolver.ResolveFolder(options.Value.ReloadRoot, environment.ContentRootPath);

    /// <summary>
    /// The folder to reload: the configured one when <paramref name="requested"/> is empty, else the requested path
    /// (relative to <c>Model:ReloadRoot</c>, or to the content root without one) when it is allowed.
    /// </summary>
    public bool TryResolve(string? requested, out string directory, out string? error)
    {
        var configured = reloader.ConfiguredDirectory;
        directory = configured;
        error = null;
        if (string.IsNullOrWhiteSpace(requested))
        {
            return true;
        }

        if (requested.Length > MaxPathLength || requested.Any(char.IsControl))
        {
            error = $"path must be at most {MaxPathLength} characters without control characters.";
            return false;
        }

        var root = ReloadRoot;
        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.IsPathRooted(requested)
                ? requested
                : Path.Combine(root ?? environment.ContentRootPath, requested)));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            error = "path is not a valid folder path.";
            return false;
        }

        var real = RealPath(full);
        if (string.Equals(real, RealPath(Path.TrimEndingDirectorySeparator(configured)), PathComparison)
            || (root is not null && IsStrictlyUnder(real, RealPath(Path.TrimEndingDirectorySeparator(root)))))
        {
            directory = full;
            return true;
        }

        error = root is null
            ? $"path must be the configured model folder; set {ModelOptions.SectionName}:ReloadRoot to allow other bundles."
            : $"path must be the configured model folder or a folder under {ModelOptions.SectionName}:ReloadRoot.";
        return false;
    }

    /// <summary>
    /// How an answer names the bundle folder <paramref name="directory"/>: its path under <c>Model:ReloadRoot</c> with
    /// '/' separators (e.g. <c>2026-12-01</c>), else its folder name (e.g. <c>default</c> for the configured bundle).
    /// </summary>
    public string DisplayName(string directory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (ReloadRoot is { } configuredRoot)
        {
            var root = Path.TrimEndingDirectorySeparator(configuredRoot);
            foreach (var (path, under) in new[] { (full, root), (RealPath(full), RealPath(root)) })
            {
                if (IsStrictlyUnder(path, under))
                {
                    return Path.GetRelativePath(under, path).Replace(Path.DirectorySeparatorChar, '/');
                }
            }
        }

        return Path.GetFileName(full) is { Length: > 0 } name ? name : "the model folder";
    }

    /// <summary>
    /// <paramref name="text"/> (a reason a bundle was rejected, which names files by their full paths) as the caller may
    /// read it: the bundle folder <paramref name="directory"/> named by <see cref="DisplayName"/>, and any other absolute
    /// path that a lower layer's message carried cut to its last part. The log keeps the full text.
    /// </summary>
    public string WithoutServerPaths(string text, string directory)
    {
        var name = DisplayName(directory);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        foreach (var prefix in new[] { full, RealPath(full) }.Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length))
        {
            if (prefix.Length > Path.GetPathRoot(prefix)?.Length)
            {
                text = text.Replace(prefix, name, PathComparison);
            }
        }

        return AbsolutePath().Replace(text, match => LastPart(match.Value));
    }

    // Either separator: a message may carry a path of another system's form.
    private static string LastPart(string path)
    {
        var trimmed = path.TrimEnd('/', '\\');
        var last = trimmed[(trimmed.LastIndexOfAny(['/', '\\']) + 1)..];
        return last.Length > 0 && !last.EndsWith(':') ? last : "(a server folder)";
    }

    // A rooted path where a token starts: /x/y or C:\x\y (up to a space, quote or bracket).
    [GeneratedRegex(@"(?<=^|[\s'""(\[=])(?:/|[A-Za-z]:[\\/])[^\s'""()\[\]]+", RegexOptions.CultureInvariant)]
    private static partial Regex AbsolutePath();

    private static bool IsStrictlyUnder(string path, string root)
    {
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.Length > prefix.Length && path.StartsWith(prefix, PathComparison);
    }

    /// <summary>The path with every symbolic link along it replaced by its final target.</summary>
    internal static string RealPath(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        var current = root;
        foreach (var segment in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, segment);
            try
            {
                var info = new DirectoryInfo(current);
                if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                {
                    current = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A link that cannot be followed stays as it is; loading it fails later with a clear reason.
            }
        }

        return Path.TrimEndingDirectorySeparator(current);
    }
}
