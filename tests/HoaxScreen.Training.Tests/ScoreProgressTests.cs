using System.Text.RegularExpressions;
using HoaxScreen.Tests.Shared;
using HoaxScreen.Training.BulkScoring;

namespace HoaxScreen.Training.Tests;

/// <summary>The progress line: shown with --progress (or on a terminal), never otherwise.</summary>
public partial class ScoreProgressTests
{
    private string _work = null!;
    private string _input = null!;

    [SetUp]
    public void CreateWorkFolder()
    {
        _work = Directory.CreateTempSubdirectory("hoaxscreen-score-progress-").FullName;
        _input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), ScoreInputs.Texts(40));
    }

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Score_WithProgress_PrintsProgressLinesEndingAtTheWholeInput()
    {
        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", Path.Combine(_work, "o.csv"), "--progress");

        var lines = run.Stderr.TrimEnd().Split('\n');
        var progress = lines.Where(l => ProgressLine().IsMatch(l)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(progress, Is.Not.Empty, run.Stderr);
            Assert.That(progress[^1], Does.StartWith("[score] 100.0%  40 posts  "));
            Assert.That(run.Stderr, Does.Not.Contain("\r"), "not a terminal: plain lines, no redrawing");
            Assert.That(lines[^1], Does.StartWith("[score] done: 40 posts"));
        });
    }

    [Test]
    public void Score_WithoutProgress_PrintsOnlyTheSummary()
    {
        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", Path.Combine(_work, "o.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(run.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(run.Stderr, Does.StartWith("[score] done: 40 posts"));
        });
    }

    [Test]
    public void Finish_OnATerminal_RedrawsOneLineWithABarAndEndsIt()
    {
        var stderr = new StringWriter();
        var progress = new ScoreProgress(stderr, terminal: true, totalBytes: 1000, startRows: 0, startBytes: 0);

        progress.Finish(rows: 250, inputPosition: 500);

        Assert.That(stderr.ToString(), Does.Match(@"^\r\[score\] \[#{12}\.{12}\]  50\.0%  250 posts  [\d,]+ posts/s  ETA \d+:\d\d\n$"));
    }

    [Test]
    public void Finish_UnknownInputSize_ShowsNoPercentOrTimeLeft()
    {
        var stderr = new StringWriter();
        var progress = new ScoreProgress(stderr, terminal: false, totalBytes: 0, startRows: 0, startBytes: 0);

        progress.Finish(rows: 7, inputPosition: 0);

        Assert.That(stderr.ToString(), Does.Match(@"^\[score\] 7 posts  [\d,]+ posts/s\n$"));
    }

    [GeneratedRegex(@"^\[score\] +\d+\.\d%  [\d,]+ posts  [\d,]+ posts/s")]
    private static partial Regex ProgressLine();
}
