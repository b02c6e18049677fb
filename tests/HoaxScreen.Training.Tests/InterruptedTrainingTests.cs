using System.Security.Cryptography;
using System.Text.Json;
using HoaxScreen.Core.Modeling;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// A training run that fails, at any point, leaves the previous bundle exactly as it was and no staging folder behind; a
/// successful run replaces the bundle whole.
/// </summary>
public class InterruptedTrainingTests
{
    private string _work = null!;
    private string _bundle = null!;

    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny.csv");

    [OneTimeSetUp]
    public void TrainPreviousBundle()
    {
        _work = Directory.CreateTempSubdirectory("hoaxscreen-interrupt-").FullName;
        _bundle = Path.Combine(Directory.CreateDirectory(Path.Combine(_work, "models")).FullName, "current");
        var run = CliRun.Of("train", "--data", Fixture, "--out", _bundle);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
    }

    [OneTimeTearDown]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Train_SecondSourceMalformed_FailsNamingItAndLeavesPreviousBundleIntact()
    {
        var before = Snapshot(_bundle);
        var bad = Path.Combine(_work, "bad.csv");
        File.WriteAllText(bad, "text,hoax\nsatu,1\ndua,0\ntiga,1\nempat,benar\n");
        var recipe = Path.Combine(_work, "two.recipe.json");
        File.WriteAllText(recipe, $$"""{ "sources": [ { "path": {{JsonSerializer.Serialize(Fixture)}} }, { "path": "bad.csv" } ] }""");

        var run = CliRun.Of("train", "--recipe", recipe, "--out", _bundle);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Stderr, Does.Contain($"reading {Fixture}"), "the first source was read before the failure");
            Assert.That(run.LastError, Does.Contain($"{bad}:5: column 'hoax' must be 1, 0 or empty, not 'benar'"));
            Assert.That(Snapshot(_bundle), Is.EqualTo(before), "the previous bundle is untouched");
            Assert.That(Leftovers(), Is.Empty);
        });
    }

    [Test]
    public void Train_FailureWhileSwappingTheNewBundleIn_KeepsPreviousBundle()
    {
        // Training succeeds; moving the old bundle aside then fails (its backup name is taken), after the new bundle was
        // written to its staging folder.
        var before = Snapshot(_bundle);
        var blocker = _bundle + $".old-{Environment.ProcessId}";
        File.WriteAllText(blocker, "in the way");
        try
        {
            var run = CliRun.Of("train", "--data", Fixture, "--out", _bundle);

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
                Assert.That(run.Stderr, Does.Contain("stage 2/2"), "the failure came after training");
                Assert.That(run.LastError, Does.StartWith("error: "));
                Assert.That(Snapshot(_bundle), Is.EqualTo(before), "the previous bundle is untouched");
                Assert.That(Leftovers(), Is.EqualTo(new[] { Path.GetFileName(blocker) }), "the staging folder was removed");
            });
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Test]
    public void Train_SuccessOverExistingBundle_ReplacesItWhole()
    {
        var previous = ModelBundle.ReadManifest(_bundle);
        var stray = Path.Combine(_bundle, "stray-from-old-bundle.txt");
        File.WriteAllText(stray, "only in the old bundle");
        var fewer = Path.Combine(_work, "fewer.csv");
        File.WriteAllLines(fewer, File.ReadAllLines(Fixture).Where((_, i) => i % 7 != 3));

        var run = CliRun.Of("train", "--data", fewer, "--out", _bundle);

        var current = ModelBundle.ReadManifest(_bundle);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(current.Version, Is.Not.EqualTo(previous.Version));
            Assert.That(current.Sources[0].Sha256, Is.Not.EqualTo(previous.Sources[0].Sha256));
            Assert.That(stray, Does.Not.Exist, "the bundle is swapped whole, not overlaid");
            Assert.That(Leftovers(), Is.Empty);
            Assert.That(() => HoaxScreen.Core.Modeling.ModelBundleLoader.Load(_bundle), Throws.Nothing);
        });
    }

    /// <summary>Every file of the bundle with its SHA-256, so any change shows.</summary>
    private static Dictionary<string, string> Snapshot(string bundle) =>
        Directory.GetFiles(bundle, "*", SearchOption.AllDirectories).ToDictionary(
            file => Path.GetRelativePath(bundle, file),
            file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))));

    /// <summary>Anything beside the bundle in its parent folder (staging or backup folders).</summary>
    private string[] Leftovers() =>
        [.. Directory.GetFileSystemEntries(Path.GetDirectoryName(_bundle)!).Select(Path.GetFileName).Where(name => name != "current").Select(name => name!)];
}
