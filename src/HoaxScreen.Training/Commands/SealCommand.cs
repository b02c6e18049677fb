using System.CommandLine;
using System.Globalization;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Training.Commands;

/// <summary>
/// seal --model BUNDLE_DIR: rewrites the manifest's file list (size and SHA-256 of every file) for a bundle whose files
/// were changed on purpose, e.g. an edited lexicon, so serving accepts it again. Nothing else in the manifest changes,
/// the version included; stdout names the files that differ from the previous list.
/// </summary>
public sealed class SealCommand : Command
{
    private readonly Option<string> _model = CliOptions.Text("--model", "BUNDLE_DIR", "the bundle folder whose manifest is rewritten", required: true);

    public SealCommand(TextWriter stdout)
        : base("seal", """
            Rewrite the manifest's list of files (size and SHA-256) after a deliberate edit, e.g. of lexicons/slang.csv;
            serving refuses a bundle whose files do not match that list.
            """)
    {
        Add(_model);
        SetAction(args => Run(args, stdout));
    }

    private int Run(ParseResult args, TextWriter stdout)
    {
        var directory = Path.GetFullPath(args.GetRequiredValue(_model));
        if (!Directory.Exists(directory))
        {
            throw new ModelBundleException($"{directory}: model folder not found");
        }

        var before = ModelBundle.ReadManifest(directory).Files ?? [];
        var manifest = ModelBundle.Seal(directory);
        var after = manifest.Files!;

        var previous = before.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var current = after.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var changes = after.Where(f => !previous.TryGetValue(f.Path, out var old) || old != f)
            .Select(f => (f.Path, previous.ContainsKey(f.Path) ? "changed" : "added"))
            .Concat(before.Where(f => !current.Contains(f.Path)).Select(f => (f.Path, "removed")))
            .OrderBy(c => c.Path, StringComparer.Ordinal)
            .ToList();

        foreach (var (path, change) in changes)
        {
            stdout.WriteLine($"  {change,-7} {path}");
        }

        var bytes = after.Sum(f => f.Bytes);
        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"sealed {directory}: {after.Count} files, {bytes / (1024.0 * 1024.0):F1} MB, {changes.Count} changed since the last seal; model {manifest.Version} (version unchanged)"));
        return 0;
    }
}
