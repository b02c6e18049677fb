using System.Text.Json;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Featurization;
using HoaxScreen.Core.Text;

namespace HoaxScreen.Core.Modeling;

/// <summary>
/// The files of a model bundle folder, and the seal that ties them to the manifest: <see cref="ModelManifest.Files"/>
/// lists every file but manifest.json with its size and SHA-256, and <see cref="VerifyFiles"/> refuses a bundle whose
/// files are not those (a partial copy, a hand-edited lexicon, a truncated model), so a bundle never loads under its
/// version with different behaviour.
/// </summary>
public static class ModelBundle
{
    public const string ModelFile = "model.zip";
    public const string ManifestFile = "manifest.json";
    public const string ReportFile = "report.md";
    public const string LicenseFile = "LICENSE.md";

    /// <summary>How many other mismatching files a refusal names after the first.</summary>
    private const int OtherProblemsNamed = 3;

    private const string MismatchAdvice =
        "the bundle does not match its manifest; copy the whole bundle again or retrain, or after a deliberate edit run the training CLI's `seal --model` on it";

    public static ModelManifest ReadManifest(string bundleDirectory)
    {
        var path = Path.Combine(bundleDirectory, ManifestFile);
        if (!File.Exists(path))
        {
            throw new ModelBundleException($"{bundleDirectory}: not a model bundle (no {ManifestFile})");
        }

        ModelManifest? manifest;
        var json = File.ReadAllText(path);
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(json, JsonDefaults.Options);
        }
        catch (JsonException ex)
        {
            // A bundle of another format fails on its fields; say which format it is rather than which field.
            throw FormatOf(json) is { } format && format != ModelManifest.CurrentFormat
                ? UnsupportedFormat(path, format)
                : new ModelBundleException($"{path}: unreadable manifest ({ex.Message.Split('\n')[0]})", ex);
        }

        if (manifest is null || manifest.Labels is not { Count: > 0 })
        {
            throw new ModelBundleException($"{path}: manifest lists no labels");
        }

        if (manifest.Format != ModelManifest.CurrentFormat)
        {
            throw UnsupportedFormat(path, manifest.Format);
        }

        return manifest;
    }

    private static ModelBundleException UnsupportedFormat(string path, int format) =>
        new($"{path}: bundle format {format} is not supported (expected {ModelManifest.CurrentFormat}); retrain the bundle with this version's training CLI");

    private static int? FormatOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("format", out var format) && format.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes manifest.json through a temporary file moved over it, so a reader never sees half a manifest.</summary>
    public static void WriteManifest(string bundleDirectory, ModelManifest manifest)
    {
        var path = Path.Combine(bundleDirectory, ManifestFile);
        var temporary = Path.Combine(bundleDirectory, $".{ManifestFile}.tmp-{Environment.ProcessId}");
        File.WriteAllText(temporary, JsonSerializer.Serialize(manifest, JsonDefaults.Options) + "\n");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Every file of the bundle folder but manifest.json, recursively, sorted by path (ordinal), with its size and
    /// SHA-256. Files and folders whose names start with '.' (.DS_Store, editor swap files, Kubernetes' ..data) are left
    /// out: serving reads none of them.
    /// </summary>
    public static IReadOnlyList<FileManifest> ListFiles(string bundleDirectory) =>
        [.. EnumerateFiles(bundleDirectory, string.Empty)
            .Where(path => path != ManifestFile)
            .Order(StringComparer.Ordinal)
            .Select(path => new FileManifest(path, new FileInfo(Resolve(bundleDirectory, path)).Length, FileHash.Sha256Of(Resolve(bundleDirectory, path))))];

    /// <summary>
    /// Seals a bundle: <paramref name="manifest"/> with <see cref="ModelManifest.Files"/> set to the folder's files, written
    /// as its manifest.json (nothing else changes, the version included). The trainer calls it once every other file is written.
    /// </summary>
    public static ModelManifest Seal(string bundleDirectory, ModelManifest manifest)
    {
        var sealedManifest = manifest with { Files = ListFiles(bundleDirectory) };
        WriteManifest(bundleDirectory, sealedManifest);
        return sealedManifest;
    }

    /// <summary>Re-seals an existing bundle after a deliberate edit (the CLI's <c>seal</c>): its manifest with the file list rewritten.</summary>
    public static ModelManifest Seal(string bundleDirectory) => Seal(bundleDirectory, ReadManifest(bundleDirectory));

    /// <summary>
    /// Throws <see cref="ModelBundleException"/> (one line, naming the file relative to the bundle) unless the bundle's files
    /// are the ones <paramref name="manifest"/> lists: each listed file present with its size and SHA-256, and no unlisted
    /// file where serving would read it (anything under <c>lexicons/</c>, or a <c>model.zip</c> or <c>features.ngrams</c>).
    /// Other unlisted files (a stray notes.txt at the top) and names starting with '.' are ignored. A manifest without a
    /// file list (a bundle from before bundles were sealed) is refused. Sizes are checked before anything is hashed.
    /// </summary>
    public static void VerifyFiles(string bundleDirectory, ModelManifest manifest)
    {
        if (manifest.Files is not { } files)
        {
            throw new ModelBundleException(
                $"{bundleDirectory}: {ManifestFile} lists no files, so the bundle cannot be checked (it was written before bundles were sealed); " +
                "retrain it, or check its files and run the training CLI's `seal --model` on it");
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!IsBundlePath(file.Path) || !listed.Add(file.Path))
            {
                throw new ModelBundleException($"{bundleDirectory}: {ManifestFile} lists an invalid or repeated file '{file.Path}'");
            }
        }

        var problems = new List<(string Path, string Problem)>();
        foreach (var file in files)
        {
            var found = new FileInfo(Resolve(bundleDirectory, file.Path));
            if (!found.Exists)
            {
                problems.Add((file.Path, $"{file.Path} is missing"));
            }
            else if (found.Length != file.Bytes)
            {
                problems.Add((file.Path, $"{file.Path} is {found.Length} bytes, not the {file.Bytes} it was sealed with"));
            }
        }

        foreach (var unlisted in ServedFiles(bundleDirectory).Where(path => !listed.Contains(path)))
        {
            problems.Add((unlisted, $"{unlisted} is not in the manifest"));
        }

        if (problems.Count == 0)
        {
            foreach (var file in files)
            {
                if (!string.Equals(FileHash.Sha256Of(Resolve(bundleDirectory, file.Path)), file.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add((file.Path, $"{file.Path} has changed (its SHA-256 is not the one it was sealed with)"));
                }
            }
        }

        if (problems.Count > 0)
        {
            // The model first, then the other files serving reads (they change verdicts), then the rest.
            var ordered = problems.OrderBy(p => p.Path == ModelFile ? 0 : IsServed(p.Path) ? 1 : 2).ThenBy(p => p.Path, StringComparer.Ordinal).ToList();
            var others = ordered.Skip(1).Select(p => p.Path).ToList();
            var also = others.Count == 0 ? string.Empty
                : $"; also {string.Join(", ", others.Take(OtherProblemsNamed))}{(others.Count > OtherProblemsNamed ? $" and {others.Count - OtherProblemsNamed} more" : string.Empty)}";
            throw new ModelBundleException($"{bundleDirectory}: {ordered[0].Problem}{also} ({MismatchAdvice})");
        }
    }

    /// <summary>Whether serving reads the file at this bundle path: the model, the featuriser and the lexicons.</summary>
    private static bool IsServed(string path) =>
        path is ModelFile or NgramVocabularyFile.FileName || path.StartsWith(Lexicon.Folder + "/", StringComparison.Ordinal);

    /// <summary>The files present where serving reads (see <see cref="IsServed"/>), listed or not.</summary>
    private static IEnumerable<string> ServedFiles(string bundleDirectory)
    {
        foreach (var top in new[] { ModelFile, NgramVocabularyFile.FileName })
        {
            if (File.Exists(Path.Combine(bundleDirectory, top)))
            {
                yield return top;
            }
        }

        foreach (var path in EnumerateFiles(bundleDirectory, Lexicon.Folder))
        {
            yield return path;
        }
    }

    /// <summary>Files under <paramref name="relativeFolder"/> (recursively), as '/'-separated bundle paths, skipping names that start with '.'.</summary>
    private static IEnumerable<string> EnumerateFiles(string bundleDirectory, string relativeFolder)
    {
        var folder = relativeFolder.Length == 0 ? bundleDirectory : Resolve(bundleDirectory, relativeFolder);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var prefix = relativeFolder.Length == 0 ? string.Empty : relativeFolder + "/";
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith('.'))
            {
                yield return prefix + name;
            }
        }

        foreach (var subfolder in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(subfolder);
            if (!name.StartsWith('.'))
            {
                foreach (var path in EnumerateFiles(bundleDirectory, prefix + name))
                {
                    yield return path;
                }
            }
        }
    }

    /// <summary>A relative, '/'-separated path that stays inside the bundle and is not the manifest itself.</summary>
    private static bool IsBundlePath(string path) =>
        path.Length > 0 && path != ManifestFile && !path.Contains('\\', StringComparison.Ordinal) && !Path.IsPathRooted(path)
        && path.Split('/').All(segment => segment is not ("" or "." or ".."));

    private static string Resolve(string bundleDirectory, string bundlePath) =>
        Path.Combine(bundleDirectory, bundlePath.Replace('/', Path.DirectorySeparatorChar));
}

/// <summary>A model bundle that is missing, corrupt or incompatible.</summary>
public sealed class ModelBundleException(string message, Exception? inner = null) : Exception(message, inner);
