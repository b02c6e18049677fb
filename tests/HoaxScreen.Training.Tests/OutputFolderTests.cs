using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Training.Tests;

/// <summary>An --out whose folder does not exist: one line naming the folder, exit code 1, nothing created or written.</summary>
public class OutputFolderTests
{
    private string _work = null!;
    private string _input = null!;

    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny.csv");

    [SetUp]
    public void CreateWorkFolder()
    {
        _work = Directory.CreateTempSubdirectory("hoaxscreen-out-").FullName;
        _input = Path.Combine(_work, "posts.csv");
        File.WriteAllText(_input, "id,text\n1,halo semua\n");
    }

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(_work, recursive: true);

    [TestCase("scores.csv")]
    [TestCase("scores.jsonl")]
    public void Score_OutputFolderMissing_FailsWithOneLineNamingTheFolder(string fileName)
    {
        var missing = Path.Combine(_work, "some", "missing", "dir");

        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", Path.Combine(missing, fileName));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.Stderr);
            Assert.That(run.LastError, Does.StartWith($"error: output folder '{missing}' does not exist"));
            Assert.That(Path.Combine(_work, "some"), Does.Not.Exist);
        });
    }

    [Test]
    public void Score_RelativeOutputFolderMissing_NamesItAsGiven()
    {
        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", Path.Combine("no-such-folder-for-hoaxscreen", "out.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.LastError, Does.StartWith("error: output folder 'no-such-folder-for-hoaxscreen' does not exist"));
        });
    }

    [Test]
    public void Train_OutputParentMissing_FailsBeforeReadingAnythingNamingTheFolder()
    {
        var missing = Path.Combine(_work, "models", "nested");

        var run = CliRun.Of("train", "--data", Fixture, "--out", Path.Combine(missing, "mine"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "no training progress before the error");
            Assert.That(run.LastError, Does.StartWith($"error: output folder '{missing}' does not exist"));
            Assert.That(Path.Combine(_work, "models"), Does.Not.Exist);
        });
    }

    [Test]
    public void Help_Always_SaysTheOutputFolderMustExist()
    {
        Assert.That(CliRun.Of("--help").Stdout, Does.Contain("the folder --out goes in must exist").IgnoreCase);
    }
}
