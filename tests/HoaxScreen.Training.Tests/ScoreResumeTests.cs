using System.Text.Json;
using System.Text.Json.Nodes;
using HoaxScreen.Tests.Shared;
using HoaxScreen.Training.BulkScoring;
using HoaxScreen.Training.Commands;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// Interrupted and resumed score runs. The interruption is --max-rows N, which stops a run exactly as Ctrl+C does (same
/// checkpoint, message and exit code) once it has written N rows, so the tests are deterministic; batches of 16 make the
/// stop fall inside a batch.
/// </summary>
public class ScoreResumeTests
{
    private const int Posts = 150;

    private string _work = null!;
    private string _input = null!;
    private string _output = null!;

    private string Partial => _output + ".partial";

    private string Checkpoint => _output + ".partial.json";

    [SetUp]
    public void CreateWorkFolder()
    {
        _work = Directory.CreateTempSubdirectory("hoaxscreen-score-resume-").FullName;
        _input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), ScoreInputs.Texts(Posts));
        _output = Path.Combine(_work, "scores.csv");
    }

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Score_Stopped_KeepsPartialAndCheckpointAndSaysHowToResume()
    {
        var run = Score("--max-rows", "37");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));
            Assert.That(run.LastError, Is.EqualTo($"[score] interrupted: 37 rows are in {Partial}; run the same command with --resume to continue from row 38"));
            Assert.That(_output, Does.Not.Exist);
            Assert.That(File.ReadAllLines(Partial), Has.Length.EqualTo(1 + 37), "header and the rows written");
            Assert.That(CheckpointJson()["rows"]!.GetValue<long>(), Is.EqualTo(37));
            Assert.That(CheckpointJson()["outputBytes"]!.GetValue<long>(), Is.EqualTo(new FileInfo(Partial).Length));
        });
    }

    [TestCase("scores.csv")]
    [TestCase("scores.jsonl")]
    public void Score_StoppedThenResumed_OutputIsByteIdenticalAndWrittenRowsAreNotRescored(string outputName)
    {
        _output = Path.Combine(_work, outputName);
        var uninterrupted = Path.Combine(_work, "uninterrupted" + Path.GetExtension(outputName));
        Assert.That(CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", uninterrupted).ExitCode, Is.EqualTo(0));

        var first = Score("--max-rows", "37");
        var second = Score("--resume", "--max-rows", "50");
        var last = Score("--resume");

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode), first.Stderr);
            Assert.That(second.ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode), second.Stderr);
            Assert.That(second.Stderr, Does.Contain("[score] resuming: 37 rows already in"));
            Assert.That(last.ExitCode, Is.EqualTo(0), last.Stderr);
            Assert.That(last.Stderr, Does.Contain("[score] resuming: 87 rows already in"));
            Assert.That(last.LastError, Does.StartWith($"[score] done: {Posts - 87} posts in "));
            Assert.That(last.LastError, Does.Contain($"resumed after 87 rows written before; {Posts} rows"));
            Assert.That(File.ReadAllBytes(_output), Is.EqualTo(File.ReadAllBytes(uninterrupted)));
            Assert.That(Partial, Does.Not.Exist);
            Assert.That(Checkpoint, Does.Not.Exist);
        });
    }

    [Test]
    public void Score_ResumedWithExplain_OutputIsByteIdentical()
    {
        var uninterrupted = Path.Combine(_work, "uninterrupted.csv");
        Assert.That(CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", uninterrupted, "--explain", "2").ExitCode, Is.EqualTo(0));

        Assert.That(Score("--explain", "2", "--max-rows", "20").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));
        var resumed = Score("--explain", "2", "--resume");

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Stderr);
        Assert.That(File.ReadAllBytes(_output), Is.EqualTo(File.ReadAllBytes(uninterrupted)));
    }

    [Test]
    public void Score_ResumeAfterRowsWrittenPastTheCheckpoint_CutsThemAndEndsIdentical()
    {
        // A power cut after rows reached the disk but before the next checkpoint: the tail is cut and scored again.
        var uninterrupted = Path.Combine(_work, "uninterrupted.csv");
        Assert.That(CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", uninterrupted).ExitCode, Is.EqualTo(0));
        Assert.That(Score("--max-rows", "40").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));
        File.AppendAllText(Partial, "0.5,1,0.5,1,0.2,");

        var resumed = Score("--resume");

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Stderr);
        Assert.That(File.ReadAllBytes(_output), Is.EqualTo(File.ReadAllBytes(uninterrupted)));
    }

    [Test]
    public void Score_ResumeWithAnotherInput_FailsAndKeepsThePartialRun()
    {
        Assert.That(Score("--max-rows", "30").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));
        var partial = File.ReadAllBytes(Partial);
        var checkpoint = File.ReadAllBytes(Checkpoint);
        ScoreInputs.WriteCsv(_input, ScoreInputs.Texts(Posts + 1), idPrefix: "q");

        var run = Score("--resume");

        AssertResumeRefused(run, "the first 30 rows of the input are not the rows already scored", partial, checkpoint, exitCode: 1);
    }

    /// <summary>
    /// The finding: the checkpoint vouched only for the input's first and last MiB, so a row edited in the middle (same
    /// size) between the interruption and --resume went unnoticed and the output mixed scores of two different files.
    /// </summary>
    [Test]
    public void Score_ResumeAfterAScoredRowInTheMiddleWasEditedToTheSameSize_FailsAndKeepsThePartialRun()
    {
        var input = LargeInput();
        Assert.That(new FileInfo(input).Length, Is.GreaterThan(2 * (1 << 20) + (1 << 20) / 2), "the edited row is more than a MiB from either end");
        Assert.That(ScoreLarge(input, "--max-rows", "2500").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));
        var partial = File.ReadAllBytes(Partial);
        var checkpoint = File.ReadAllBytes(Checkpoint);
        var (offset, length) = EditRowKeepingSize(input, row: LargeRows / 2);
        Assert.That(offset, Is.GreaterThan(1 << 20).And.LessThan(new FileInfo(input).Length - (1 << 20)));

        var run = ScoreLarge(input, "--resume");

        AssertResumeRefused(run, "the first 2,500 rows of the input are not the rows already scored", partial, checkpoint, exitCode: 1);
        Assert.That(new FileInfo(input).Length, Is.EqualTo(length));
    }

    [Test]
    public void Score_ResumeAfterARowNotYetScoredWasEdited_ContinuesAndEndsAsAnUninterruptedRunOfTheEditedInput()
    {
        var input = LargeInput();
        Assert.That(ScoreLarge(input, "--max-rows", "1000").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));
        EditRowKeepingSize(input, row: LargeRows - 10);
        var uninterrupted = Path.Combine(_work, "uninterrupted.csv");
        Assert.That(CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", uninterrupted).ExitCode, Is.EqualTo(0));

        var run = ScoreLarge(input, "--resume");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(run.Stderr, Does.Contain("[score] resuming: 1,000 rows already in"));
            Assert.That(File.ReadAllBytes(_output), Is.EqualTo(File.ReadAllBytes(uninterrupted)));
        });
    }

    [Test]
    public void Score_ResumeWithRowsAddedAfterTheInterruption_ScoresThemToo()
    {
        Assert.That(Score("--max-rows", "30").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));
        ScoreInputs.WriteCsv(_input, ScoreInputs.Texts(Posts + 5));
        var uninterrupted = Path.Combine(_work, "uninterrupted.csv");
        Assert.That(CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", uninterrupted).ExitCode, Is.EqualTo(0));

        var run = Score("--resume");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(run.LastError, Does.Contain($"resumed after 30 rows written before; {Posts + 5} rows"));
            Assert.That(File.ReadAllBytes(_output), Is.EqualTo(File.ReadAllBytes(uninterrupted)));
        });
    }

    [Test]
    public void Score_ResumeWithFewerRowsThanWritten_FailsAndKeepsThePartialRun()
    {
        Assert.That(Score("--max-rows", "30").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));
        var partial = File.ReadAllBytes(Partial);
        var checkpoint = File.ReadAllBytes(Checkpoint);
        ScoreInputs.WriteCsv(_input, ScoreInputs.Texts(20));

        var run = Score("--resume");

        AssertResumeRefused(run, "the input has 20 rows, fewer than the 30 already written", partial, checkpoint, exitCode: 1);
    }

    [Test]
    public void Score_ResumeWithAnotherModel_FailsAndKeepsThePartialRun()
    {
        Assert.That(Score("--max-rows", "30").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));
        var partial = File.ReadAllBytes(Partial);
        var checkpoint = File.ReadAllBytes(Checkpoint);
        var otherModel = CopyDefaultModel(version: "20990101-000000-00000000");

        var run = CliRun.Of("score", "--model", otherModel, "--in", _input, "--out", _output, "--resume");

        AssertResumeRefused(run, "it was started with model ", partial, checkpoint);
        Assert.That(run.LastError, Does.Contain(", not 20990101-000000-00000000"));
    }

    [Test]
    public void Score_ResumeWithChangedModelFiles_FailsAndKeepsThePartialRun()
    {
        var model = CopyDefaultModel(version: null);
        Assert.That(CliRun.Of("score", "--model", model, "--in", _input, "--out", _output, "--max-rows", "30").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));
        var partial = File.ReadAllBytes(Partial);
        var checkpoint = File.ReadAllBytes(Checkpoint);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(model, "manifest.json")))!;
        manifest["labels"]![0]!["threshold"] = 0.01;
        File.WriteAllText(Path.Combine(model, "manifest.json"), manifest.ToJsonString());

        var run = CliRun.Of("score", "--model", model, "--in", _input, "--out", _output, "--resume");

        AssertResumeRefused(run, "have changed since it was started", partial, checkpoint);
    }

    [Test]
    public void Score_ResumeWithOtherOptions_FailsAndKeepsThePartialRun()
    {
        Assert.That(Score("--max-rows", "30").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));
        var partial = File.ReadAllBytes(Partial);
        var checkpoint = File.ReadAllBytes(Checkpoint);

        var run = Score("--resume", "--explain", "3");

        AssertResumeRefused(run, "it was started with other options (--format csv, --delimiter ',', csv output, --text-column text, no --explain)", partial, checkpoint);
    }

    [Test]
    public void Score_ResumeWithAnotherBatchSize_Continues()
    {
        Assert.That(Score("--max-rows", "30").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));

        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", _output, "--batch-size", "5", "--resume");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.LastError, Does.Contain("resumed after 30 rows"));
    }

    [TestCase("{ not json")]
    [TestCase("{}")]
    [TestCase("""{"format":1,"rows":3}""")]
    public void Score_ResumeWithUnreadableCheckpoint_FailsAndKeepsThePartialRun(string checkpoint)
    {
        Assert.That(Score("--max-rows", "30").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));
        File.WriteAllText(Checkpoint, checkpoint);

        var run = Score("--resume");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.LastError, Does.StartWith($"error: {Checkpoint}: unreadable checkpoint"));
            Assert.That(Partial, Does.Exist);
        });
    }

    [Test]
    public void Score_ResumeWithNothingToResume_ScoresFromTheFirstRow()
    {
        var run = Score("--resume");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(run.Stderr, Does.Contain("[score] nothing to resume"));
            Assert.That(run.LastError, Does.StartWith($"[score] done: {Posts} posts in "));
            Assert.That(File.ReadAllLines(_output), Has.Length.EqualTo(1 + Posts));
        });
    }

    [Test]
    public void Score_WithoutResume_ReplacesAnUnfinishedRunAndSaysSo()
    {
        Assert.That(Score("--max-rows", "30").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));

        var run = Score();

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(run.Stderr, Does.Contain($"[score] replacing the unfinished run in {Partial} (add --resume to continue it instead)"));
            Assert.That(run.LastError, Does.StartWith($"[score] done: {Posts} posts in "));
            Assert.That(Partial, Does.Not.Exist);
            Assert.That(Checkpoint, Does.Not.Exist);
        });
    }

    [Test]
    public void Score_OutputCannotBeReplaced_KeepsEveryRowAndResumeOnlyMovesIt()
    {
        var uninterrupted = Path.Combine(_work, "uninterrupted.csv");
        Assert.That(CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", uninterrupted).ExitCode, Is.EqualTo(0));
        Directory.CreateDirectory(_output); // stands in for a file another program holds open

        var blocked = Score();
        Directory.Delete(_output);
        var resumed = Score("--resume");

        Assert.Multiple(() =>
        {
            Assert.That(blocked.ExitCode, Is.EqualTo(1));
            Assert.That(blocked.Stderr, Does.Contain($"[score] all {Posts} rows are in {Partial}, but {_output} could not be replaced"));
            Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Stderr);
            Assert.That(resumed.LastError, Does.StartWith("[score] done: 0 posts in "), "nothing scored again");
            Assert.That(File.ReadAllBytes(_output), Is.EqualTo(File.ReadAllBytes(uninterrupted)));
        });
    }

    [Test]
    public void Score_BadRowAfterSomeBatches_LeavesNoPartialRun()
    {
        // Rows were written before the bad one was read; the input cannot be finished as it is, so nothing is kept.
        File.AppendAllText(_input, "p-bad,\"kutipan tidak ditutup\n");

        var run = Score();

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.LastError, Is.EqualTo($"error: {_input}:{Posts + 3}: quoted field is never closed"), "one post spans two lines");
            Assert.That(Partial, Does.Not.Exist);
            Assert.That(Checkpoint, Does.Not.Exist);
            Assert.That(_output, Does.Not.Exist);
        });
    }

    [Test]
    public void Mismatch_SameRunFromAnotherFolder_IsNull()
    {
        var checkpoint = new ScoreCheckpoint(
            ScoreCheckpoint.CurrentFormat, 10, 100, 3, new InputFingerprint("/a/posts.csv", "ab"), new ModelFingerprint("v1", "cd"), new ScoreSettings("csv", ",", "csv", "text", 0));

        // The path is for messages only: a folder copied to another place still resumes (its rows are checked as they are read back).
        Assert.That(checkpoint.Mismatch(checkpoint with { Rows = 0, Input = checkpoint.Input with { Path = "/b/posts.csv" } }), Is.Null);
    }

    [Test]
    public void Score_ResumeACheckpointOfTheFormatThatHashedOnlyTheEnds_FailsAndKeepsThePartialRun()
    {
        Assert.That(Score("--max-rows", "30").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));
        var old = CheckpointJson();
        old["format"] = 2;
        File.WriteAllText(Checkpoint, old.ToJsonString());
        var partial = File.ReadAllBytes(Partial);
        var checkpoint = File.ReadAllBytes(Checkpoint);

        var run = Score("--resume");

        AssertResumeRefused(run, "another version of the tool (checkpoint format 2)", partial, checkpoint);
    }

    [Test]
    public void ConsumedRowsHash_SameRows_HashAlike() =>
        Assert.That(Hash(("halo", "\"p1\""), ("semua", null)), Is.EqualTo(Hash(("halo", "\"p1\""), ("semua", null))));

    [Test]
    public void ConsumedRowsHash_OneRowAgainstItsTextInTwoRows_HashDifferently() =>
        Assert.That(Hash(("ab", null)), Is.Not.EqualTo(Hash(("a", null), ("b", null))));

    [Test]
    public void ConsumedRowsHash_EmptyIdAgainstNoId_HashDifferently() =>
        Assert.That(Hash(("a", "")), Is.Not.EqualTo(Hash(("a", null))));

    [Test]
    public void ConsumedRowsHash_IdMovedIntoTheText_HashDifferently() =>
        Assert.That(Hash(("a", "1")), Is.Not.EqualTo(Hash(("a1", null))));

    private const int LargeRows = 3_000;

    /// <summary>3,000 posts padded out with a note to about 1.1 KB each: a 3 MiB input.</summary>
    private string LargeInput()
    {
        var note = string.Concat(Enumerable.Repeat(" catatan admin grup", 50));
        return ScoreInputs.WriteCsv(Path.Combine(_work, "large.csv"), [.. ScoreInputs.Texts(LargeRows).Select((text, i) => $"{text} |{i}|{note}")]);
    }

    /// <summary>Changes one letter in the text of data row <paramref name="row"/> (0-based): same size, same rows.</summary>
    private static (long Offset, long Length) EditRowKeepingSize(string path, int row)
    {
        var bytes = File.ReadAllBytes(path);
        var rowStart = bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes($"\np{row},"));
        Assert.That(rowStart, Is.GreaterThan(0));
        var at = Array.IndexOf(bytes, (byte)'a', rowStart + 3);
        bytes[at] = (byte)'o';
        File.WriteAllBytes(path, bytes);
        return (at, bytes.Length);
    }

    private static string Hash(params (string Text, string? Id)[] rows)
    {
        using var hash = new ConsumedRowsHash();
        foreach (var (text, id) in rows)
        {
            hash.Append(text, id);
        }

        return hash.Current;
    }

    private CliRun ScoreLarge(string input, params string[] options) =>
        CliRun.Of(["score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", _output, .. options]);

    private CliRun Score(params string[] options) =>
        CliRun.Of(["score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", _output, "--batch-size", "16", .. options]);

    private JsonNode CheckpointJson() => JsonNode.Parse(File.ReadAllText(Checkpoint))!;

    private void AssertResumeRefused(CliRun run, string reason, byte[] partial, byte[] checkpoint, int exitCode = 2)
    {
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.Stderr);
            Assert.That(run.LastError, Does.StartWith($"error: cannot resume {Partial}: "));
            Assert.That(run.LastError, Does.Contain(reason));
            Assert.That(run.LastError, Does.EndWith("; run without --resume to start again"));
            Assert.That(File.ReadAllBytes(Partial), Is.EqualTo(partial), "partial output untouched");
            Assert.That(File.ReadAllBytes(Checkpoint), Is.EqualTo(checkpoint), "checkpoint untouched");
            Assert.That(_output, Does.Not.Exist);
        });
    }

    private string CopyDefaultModel(string? version)
    {
        var copy = Path.Combine(_work, "model-copy");
        foreach (var file in Directory.GetFiles(RepoPaths.DefaultModel, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(RepoPaths.DefaultModel, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        if (version is not null)
        {
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "manifest.json")))!;
            manifest["version"] = version;
            File.WriteAllText(Path.Combine(copy, "manifest.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }

        return copy;
    }
}
