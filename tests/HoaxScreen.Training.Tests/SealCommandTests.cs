using System.Text.Json.Nodes;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// <c>seal --model BUNDLE_DIR</c>: after a deliberate edit, rewrites the manifest's file list so the bundle loads again,
/// with its version and everything else in the manifest unchanged. Until then, score refuses the edited bundle.
/// </summary>
public class SealCommandTests
{
    private string _work = null!;
    private string _bundle = null!;

    [SetUp]
    public void CopyDefaultBundle()
    {
        _work = Directory.CreateTempSubdirectory("hoaxscreen-seal-").FullName;
        _bundle = Path.Combine(_work, "bundle");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.DefaultModel, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_bundle, Path.GetRelativePath(RepoPaths.DefaultModel, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [TearDown]
    public void DeleteWork() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Seal_AfterALexiconEdit_ScoreRefusesBeforeAndScoresAfterWithTheSameVersion()
    {
        var posts = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), ["gbkx bgt sih lu", "selamat pagi"]);
        var scores = Path.Combine(_work, "scores.csv");
        File.AppendAllText(Path.Combine(_bundle, "lexicons", "slang.csv"), "gbkx,goblok\n");

        var refused = CliRun.Of("score", "--model", _bundle, "--in", posts, "--out", scores);
        var seal = CliRun.Of("seal", "--model", _bundle);
        var scored = CliRun.Of("score", "--model", _bundle, "--in", posts, "--out", scores);

        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(1), refused.Stderr);
            Assert.That(refused.LastError, Does.Contain("lexicons/slang.csv is ").And.Contain("seal --model"));
            Assert.That(seal.ExitCode, Is.EqualTo(0), seal.Stderr);
            Assert.That(seal.Stdout, Does.Contain("changed lexicons/slang.csv").And.Contain("1 changed since the last seal"));
            Assert.That(seal.Stdout, Does.Contain(ModelBundle.ReadManifest(RepoPaths.DefaultModel).Version + " (version unchanged)"));
            Assert.That(scored.ExitCode, Is.EqualTo(0), scored.Stderr);
            Assert.That(File.ReadAllLines(scores), Has.Length.EqualTo(3));
        });
    }

    [Test]
    public void Seal_AfterALexiconEdit_ChangesOnlyThatFilesEntryInTheManifest()
    {
        File.AppendAllText(Path.Combine(_bundle, "lexicons", "slang.csv"), "gbkx,goblok\n");

        var run = CliRun.Of("seal", "--model", _bundle);

        var before = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.DefaultModel, ModelBundle.ManifestFile)))!.AsObject();
        var after = JsonNode.Parse(File.ReadAllText(Path.Combine(_bundle, ModelBundle.ManifestFile)))!.AsObject();
        var changed = after["files"]!.AsArray().Zip(before["files"]!.AsArray())
            .Where(pair => !JsonNode.DeepEquals(pair.First, pair.Second)).Select(pair => pair.First!["path"]!.GetValue<string>()).ToList();
        before.Remove("files");
        after.Remove("files");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(JsonNode.DeepEquals(after, before), Is.True, "nothing but the file list changes");
            Assert.That(changed, Is.EqualTo(new[] { "lexicons/slang.csv" }));
        });
    }

    // Every file of the bundle is listed but the manifest itself (two figures per label, so the count follows the labels).
    private int FilesBesideTheManifest => Directory.GetFiles(_bundle, "*", SearchOption.AllDirectories).Length - 1;

    [Test]
    public void Seal_UnchangedCommittedBundle_RewritesTheSameManifest()
    {
        var run = CliRun.Of("seal", "--model", _bundle);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.Contain($"{FilesBesideTheManifest} files").And.Contain("0 changed since the last seal"));
        Assert.That(File.ReadAllBytes(Path.Combine(_bundle, ModelBundle.ManifestFile)),
            Is.EqualTo(File.ReadAllBytes(Path.Combine(RepoPaths.DefaultModel, ModelBundle.ManifestFile))), "the committed bundles are sealed as `seal` seals them");
    }

    [Test]
    public void Seal_BundleFromBeforeFileLists_ListsEveryFileAsAdded()
    {
        var path = Path.Combine(_bundle, ModelBundle.ManifestFile);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        manifest.Remove("files");
        File.WriteAllText(path, manifest.ToJsonString());

        var run = CliRun.Of("seal", "--model", _bundle);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.Contain("added   model.zip").And.Contain($"{FilesBesideTheManifest} changed since the last seal"));
        Assert.That(() => ModelBundle.VerifyFiles(_bundle, ModelBundle.ReadManifest(_bundle)), Throws.Nothing);
    }

    [Test]
    public void Seal_NoModelOption_ExitsWithUsageError()
    {
        var run = CliRun.Of("seal");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.LastError, Is.EqualTo("error: missing --model"));
    }

    [Test]
    public void Seal_UnknownOption_ExitsWithUsageError()
    {
        var run = CliRun.Of("seal", "--model", _bundle, "--out", _work);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.LastError, Does.Contain("unknown option '--out'"));
    }

    [TestCase("missing", "model folder not found")]
    [TestCase("empty", "not a model bundle (no manifest.json)")]
    public void Seal_NotABundle_ExitsWithModelError(string folder, string reason)
    {
        Directory.CreateDirectory(Path.Combine(_work, "empty"));

        var run = CliRun.Of("seal", "--model", Path.Combine(_work, folder));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.StartWith("error: ").And.Contain(reason));
    }

    [Test]
    public void Help_ListsSealWithItsModelOption()
    {
        Assert.That(CliRun.Of("--help").Stdout, Does.Contain("seal "));
        Assert.That(CliRun.Of("seal", "--help").Stdout, Does.Contain("--model <BUNDLE_DIR> (REQUIRED)"));
    }
}
