using HoaxScreen.Tests.Shared;
using HoaxScreen.Training.Commands;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// <c>score --max-rows N</c>: at most N rows per run, then a stop like Ctrl+C's, so a large file is scored in chunks over
/// several sessions with <c>--resume</c> on every run.
/// </summary>
public class ScoreMaxRowsTests
{
    private const int Posts = 150;

    private string _work = null!;
    private string _input = null!;
    private string _output = null!;

    [SetUp]
    public void CreateWorkFolder()
    {
        _work = Directory.CreateTempSubdirectory("hoaxscreen-score-maxrows-").FullName;
        _input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), ScoreInputs.Texts(Posts));
        _output = Path.Combine(_work, "scores.csv");
    }

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Score_ChunksOfMaxRowsWithResume_StopUntilTheLastChunkThenMatchAnUninterruptedRun()
    {
        var uninterrupted = Path.Combine(_work, "uninterrupted.csv");
        ScoreInputs.Score(_input, uninterrupted);

        // The same command every session: --resume with nothing to resume starts from the first row.
        var runs = Enumerable.Range(0, 4).Select(_ => Score("--resume", "--max-rows", "40")).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(runs.Select(r => r.ExitCode), Is.EqualTo(new[] { 130, 130, 130, 0 }), string.Join("\n", runs.Select(r => r.Stderr)));
            Assert.That(runs[0].LastError, Is.EqualTo($"[score] interrupted: 40 rows are in {_output}.partial; run the same command with --resume to continue from row 41"));
            Assert.That(runs[2].Stderr, Does.Contain("[score] resuming: 80 rows already in"));
            Assert.That(runs[3].LastError, Does.StartWith($"[score] done: {Posts - 120} posts in "));
            Assert.That(File.ReadAllBytes(_output), Is.EqualTo(File.ReadAllBytes(uninterrupted)));
            Assert.That(_output + ".partial", Does.Not.Exist);
            Assert.That(_output + ".partial.json", Does.Not.Exist);
        });
    }

    [Test]
    public void Score_MaxRowsEqualToTheRowsLeft_Completes()
    {
        var run = Score("--max-rows", Posts.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(File.ReadAllLines(_output), Has.Length.EqualTo(1 + Posts));
        });
    }

    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("abc")]
    [TestCase("1.5")]
    [TestCase("99999999999")]
    public void Score_MaxRowsNotAPositiveWholeNumber_IsBadUsageAndWritesNothing(string value)
    {
        var run = Score("--max-rows", value);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr.TrimEnd(), Is.EqualTo($"error: --max-rows must be a whole number from 1 to {int.MaxValue}"));
            Assert.That(Directory.GetFiles(_work), Is.EqualTo(new[] { _input }), "no output, partial output or checkpoint");
        });
    }

    private CliRun Score(params string[] options) =>
        CliRun.Of(["score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", _output, "--batch-size", "16", .. options]);
}
