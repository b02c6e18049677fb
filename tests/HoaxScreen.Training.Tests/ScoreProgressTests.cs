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
            Assert.That(AnsiTerminal.HasEscapes(run.Stderr), Is.False, "not a terminal: no ANSI codes");
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
    public void Track_NotATerminal_EndsWithOnePlainLineOfTheFinalState()
    {
        var stderr = new StringWriter();
        var progress = new ScoreProgress(stderr, terminal: false, totalBytes: 1000, startRows: 0, startBytes: 0);

        var result = progress.Track(() => 42, () => (250, 500));

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(42));
            Assert.That(stderr.ToString(), Does.Match(@"^\[score\]  50\.0%  250 posts  [\d,]+ posts/s  ETA \d+:\d\d\n$"));
        });
    }

    [Test]
    public void Track_OnATerminal_DrawsABarEndingAtTheFinalState()
    {
        var terminal = new StringWriter();
        var progress = new ScoreProgress(TextWriter.Null, AnsiTerminal.Over(terminal), totalBytes: 1000, startRows: 0, startBytes: 0);

        progress.Track(() => 0, () => (250, 500));

        var shown = AnsiTerminal.Plain(terminal.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(AnsiTerminal.HasEscapes(terminal.ToString()), Is.True, "a live display, redrawn with ANSI codes");
            Assert.That(shown, Does.Contain("50%").And.Contain("250 posts  ").And.Contain(" posts/s  ETA "));
        });
    }

    [Test]
    public void Track_RunFails_StillShowsHowFarItGot()
    {
        var stderr = new StringWriter();
        var progress = new ScoreProgress(stderr, terminal: false, totalBytes: 1000, startRows: 0, startBytes: 0);

        Assert.Throws<InvalidDataException>(() => progress.Track<int>(() => throw new InvalidDataException("bad row"), () => (30, 100)));
        Assert.That(stderr.ToString(), Does.StartWith("[score]  10.0%  30 posts  "));
    }

    [Test]
    public void Figures_ResumedRun_CountsRateAndTimeLeftFromThisRunOnly()
    {
        var progress = new ScoreProgress(TextWriter.Null, terminal: false, totalBytes: 1000, startRows: 100, startBytes: 200);

        // 200 rows and 400 bytes in 10 s: 20 posts/s, 40 bytes/s, and the 400 bytes left take 10 s more.
        var figures = progress.Figures(rows: 300, inputPosition: 600, elapsed: TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(figures.Fraction, Is.EqualTo(0.6).Within(1e-9));
            Assert.That(figures.PostsPerSecond, Is.EqualTo(20).Within(1e-9));
            Assert.That(figures.Left, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(figures.PlainLine(), Is.EqualTo("[score]  60.0%  300 posts  20 posts/s  ETA 0:10"));
        });
    }

    [Test]
    public void Figures_MoreThanAnHourLeft_ShowsHours()
    {
        var progress = new ScoreProgress(TextWriter.Null, terminal: false, totalBytes: 1000, startRows: 0, startBytes: 0);

        // 100 bytes in 1,000 s: the 900 left take 9,000 s.
        var figures = progress.Figures(rows: 5000, inputPosition: 100, elapsed: TimeSpan.FromSeconds(1000));

        Assert.That(figures.PlainLine(), Is.EqualTo("[score]  10.0%  5,000 posts  5 posts/s  ETA 2:30:00"));
    }

    [Test]
    public void Figures_UnknownInputSize_ShowNoPercentOrTimeLeft()
    {
        var progress = new ScoreProgress(TextWriter.Null, terminal: false, totalBytes: 0, startRows: 0, startBytes: 0);

        var figures = progress.Figures(rows: 7, inputPosition: 0, elapsed: TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(figures.Fraction, Is.Null);
            Assert.That(figures.Left, Is.Null);
            Assert.That(figures.PlainLine(), Is.EqualTo("[score] 7 posts  7 posts/s"));
        });
    }

    [GeneratedRegex(@"^\[score\] +\d+\.\d%  [\d,]+ posts  [\d,]+ posts/s")]
    private static partial Regex ProgressLine();
}
