using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Api.Tests;

/// <summary>Copies of the default bundle, good and deliberately broken, for reload tests.</summary>
internal static partial class BundleCopies
{
    /// <summary>Copies models/default to <paramref name="target"/>, optionally giving it another version id.</summary>
    public static string CopyDefault(string target, string? version = null)
    {
        CopyFolder(RepoPaths.DefaultModel, target);
        if (version is not null)
        {
            SetVersion(target, version);
        }

        return target;
    }

    /// <summary>Replaces only the manifest's version id (written to a temporary file and moved over, like a careful tool).</summary>
    public static void SetVersion(string bundle, string version)
    {
        var path = Path.Combine(bundle, ModelBundle.ManifestFile);
        var manifest = VersionPattern().Replace(File.ReadAllText(path), $"\"version\": \"{version}\"", 1);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, manifest);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Renames one label in the manifest (the model still has four outputs, so only the label check can catch it).</summary>
    public static void RenameLabel(string bundle, string from, string to)
    {
        var path = Path.Combine(bundle, ModelBundle.ManifestFile);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var label in manifest["labels"]!.AsArray())
        {
            if (label!["name"]!.GetValue<string>() == from)
            {
                label["name"] = to;
            }
        }

        File.WriteAllText(path, manifest.ToJsonString());
    }

    /// <summary>Changes the last letter of the first entry of the bundle's slang lexicon (one line, as an operator might).</summary>
    public static void EditSlangLine(string bundle)
    {
        var slang = Path.Combine(bundle, "lexicons", "slang.csv");
        var lines = File.ReadAllLines(slang);
        lines[1] = lines[1][..^1] + (lines[1][^1] == 'a' ? 'e' : 'a'); // the same size: only the hash can tell
        File.WriteAllLines(slang, lines);
    }

    /// <summary>Cuts a file to half its length, as an interrupted copy leaves it.</summary>
    public static void Truncate(string file) => File.WriteAllBytes(file, File.ReadAllBytes(file)[..(int)(new FileInfo(file).Length / 2)]);

    public static string VersionOf(string bundle) => ModelBundle.ReadManifest(bundle).Version;

    public static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var folder in Directory.GetDirectories(source))
        {
            CopyFolder(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }

    [GeneratedRegex("\"version\":\\s*\"[^\"]*\"")]
    private static partial Regex VersionPattern();
}
