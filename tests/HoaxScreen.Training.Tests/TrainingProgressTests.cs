using HoaxScreen.Training.Terminal;

namespace HoaxScreen.Training.Tests;

/// <summary>Training progress: a line per step in a log; on a terminal, a status line naming what is fitted now.</summary>
public class TrainingProgressTests
{
    [Test]
    public void Step_NotATerminal_WritesOneLinePerStepAndNothingForNow()
    {
        var stderr = new StringWriter();
        var progress = new TrainingProgress(stderr, "crossvalidate", terminal: null);

        progress.Run(() =>
        {
            progress.Step("fold 1/3: fitting on 40 posts, scoring 20");
            progress.Now("fold 1/3: training 'hoax' on 36 rows (6 positive)");
            return 0;
        });

        Assert.That(stderr.ToString(), Does.Match(@"^\[crossvalidate +\d+\.\ds\] fold 1/3: fitting on 40 posts, scoring 20\n$"));
    }

    [Test]
    public void Run_OnATerminal_ShowsStepsAboveAndTheFoldAndLabelOnTheStatusLine()
    {
        var terminal = new StringWriter();
        var progress = new TrainingProgress(TextWriter.Null, "crossvalidate", AnsiTerminal.Over(terminal));

        progress.Run(() =>
        {
            progress.Step("fold 2/3: fitting on 40 posts, scoring 20");
            progress.Now("fold 2/3: training 'sara' on [36] rows");
            return 0;
        });

        var shown = AnsiTerminal.Plain(terminal.ToString());
        Assert.That(shown, Does.Contain("] fold 2/3: fitting on 40 posts, scoring 20").And.Contain("fold 2/3: training 'sara' on [36] rows"));
    }

    [Test]
    public void Train_InProcess_WritesProgressToStderrAndATableWithoutAnsiCodesToStdout()
    {
        var work = Directory.CreateTempSubdirectory("hoaxscreen-train-progress-").FullName;
        try
        {
            var run = CliRun.Of("train", "--data", Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny.csv"), "--out", Path.Combine(work, "m"));

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
                Assert.That(AnsiTerminal.HasEscapes(run.Stdout + run.Stderr), Is.False);
                Assert.That(run.Stdout, Does.Not.Contain("[train "), "progress stays off stdout");
                Assert.That(run.Stdout.Split('\n'), Has.Some.Match(@"^label +thresh +precision +recall +F1 +ROC AUC +ECE +Brier +positives +rows *$"));
                Assert.That(run.Stderr, Does.Contain("training 'hoax' on "));
            });
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
