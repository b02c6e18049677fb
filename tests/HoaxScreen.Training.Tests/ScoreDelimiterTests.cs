using System.Text;
using HoaxScreen.Core.Data;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// CSV input separated by ';' (what spreadsheets write on an Indonesian locale) or tab, detected from the header line or
/// given with --delimiter, for score --in and train/evaluate --data.
/// </summary>
public class ScoreDelimiterTests
{
    private static readonly (string Id, string Text)[] Posts =
    [
        ("wa-1", "dasar goblok lu anjing, otak udang bgt sih; bacot doang"),
        ("wa-2", "kata dia \"info valid\"; padahal hoaks, jangan disebar"),
        ("wa-3", "selamat pagi semua, semoga sehat selalu"),
    ];

    private string _work = null!;

    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny.csv");

    [SetUp]
    public void CreateWorkFolder() => _work = Directory.CreateTempSubdirectory("hoaxscreen-delimiter-").FullName;

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(_work, recursive: true);

    [TestCase(";")]
    [TestCase("\t")]
    public void Score_DetectedSeparator_WritesTheSameScoresAsCommaInput(string separator)
    {
        var comma = Score(WritePosts("comma.csv", ","), "comma-scores.csv");
        var other = Score(WritePosts("other.csv", separator), "other-scores.csv");

        Assert.That(File.ReadAllBytes(other), Is.EqualTo(File.ReadAllBytes(comma)));
    }

    [TestCase(";", ";")]
    [TestCase("\t", "tab")]
    [TestCase(",", ",")]
    public void Score_GivenSeparator_WritesTheSameScoresAsCommaInput(string separator, string option)
    {
        var comma = Score(WritePosts("comma.csv", ","), "comma-scores.csv");
        var other = Score(WritePosts("other.csv", separator), "other-scores.csv", "--delimiter", option);

        Assert.That(File.ReadAllBytes(other), Is.EqualTo(File.ReadAllBytes(comma)));
    }

    [Test]
    public void Score_OneColumnFileWithCommasInTexts_ReadsWholeLinesWithDelimiterTab()
    {
        var input = Write("posts.csv", "text", "halo, semua", "selamat pagi, semoga sehat");

        var scores = File.ReadAllLines(Score(input, "scores.csv", "--delimiter", "tab"));

        Assert.That(scores, Has.Length.EqualTo(3));
    }

    [Test]
    public void Score_GivenCommaForASemicolonFile_OneLineNamingFileLineAndTheLikelySeparator()
    {
        var input = WritePosts("posts.csv", ";");

        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", Path.Combine(_work, "o.csv"), "--delimiter", ",");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(run.LastError, Is.EqualTo(
                $"error: {input}:1: no text column 'text' (columns: id;text); the header looks separated by ';', not ',': give --delimiter ';' or leave --delimiter out"));
        });
    }

    [Test]
    public void Score_RowWithAnUnquotedSeparator_OneLineNamingFileLineAndTheSeparator()
    {
        var input = Write("posts.csv", "id;text", "1;halo semua", "2;halo; semua");

        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", Path.Combine(_work, "o.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.LastError, Is.EqualTo(
                $"error: {input}:3: expected 2 fields, found 3 (fields are separated by ';'; put a text that contains ';' in double quotes, or give the right --delimiter)"));
            Assert.That(Path.Combine(_work, "o.csv"), Does.Not.Exist);
        });
    }

    [Test]
    public void Score_UnknownDelimiter_ExitsTwo()
    {
        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", WritePosts("posts.csv", ","), "--out", Path.Combine(_work, "o.csv"), "--delimiter", "|");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.LastError, Is.EqualTo("error: --delimiter must be ',', ';' or 'tab', not '|'"));
        });
    }

    [Test]
    public void Score_DelimiterWithJsonLinesInput_ExitsTwo()
    {
        var input = Write("posts.jsonl", """{"text":"halo"}""");

        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", Path.Combine(_work, "o.csv"), "--delimiter", ";");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.LastError, Is.EqualTo("error: --delimiter applies to CSV input only"));
        });
    }

    [Test]
    public void Score_ResumeWithAnotherDelimiter_FailsNamingIt()
    {
        // One column and no separator in the texts: the file reads the same either way, but a resumed run must not mix them.
        var input = Write("posts.csv", "text", "halo semua", "selamat pagi", "apa kabar");
        var output = Path.Combine(_work, "o.csv");
        Assert.That(CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", output, "--max-rows", "1").ExitCode, Is.EqualTo(130));

        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", output, "--delimiter", ";", "--resume");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.LastError, Does.Contain("it was started with other options (--format csv, --delimiter ',', csv output, --text-column text, no --explain), not --format csv, --delimiter ';',"));
        });
    }

    [Test]
    public void Evaluate_SemicolonData_PrintsTheSameMetricsAsCommaData()
    {
        var semicolon = Write("tiny-semicolon.csv", [.. ReadRecords(Fixture).Select(fields => string.Join(';', fields.Select(Quote)))]);

        var comma = CliRun.Of("evaluate", "--model", RepoPaths.DefaultModel, "--data", Fixture);
        var other = CliRun.Of("evaluate", "--model", RepoPaths.DefaultModel, "--data", semicolon, "--delimiter", ";");
        var detected = CliRun.Of("evaluate", "--model", RepoPaths.DefaultModel, "--data", semicolon);

        Assert.Multiple(() =>
        {
            Assert.That(comma.ExitCode, Is.EqualTo(0), comma.Stderr);
            Assert.That(other.Stdout, Is.EqualTo(comma.Stdout));
            Assert.That(detected.Stdout, Is.EqualTo(comma.Stdout));
        });
    }

    [Test]
    public void Train_DelimiterWithRecipe_ExitsTwo()
    {
        var run = CliRun.Of("train", "--recipe", Path.Combine(_work, "r.json"), "--delimiter", ";", "--out", Path.Combine(_work, "bundle"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.LastError, Does.StartWith("error: --delimiter goes with --data"));
        });
    }

    private static List<string[]> ReadRecords(string path)
    {
        using var reader = CsvRecordReader.Open(path);
        var records = new List<string[]>();
        while (reader.ReadRecord() is { } record)
        {
            records.Add(record);
        }

        return records;
    }

    private string WritePosts(string name, string separator) =>
        Write(name, [$"id{separator}text", .. Posts.Select(p => $"{p.Id}{separator}{Quote(p.Text)}")]);

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private string Write(string name, params string[] lines) => ScoreInputs.WriteLines(Path.Combine(_work, name), lines);

    private string Score(string input, string outputName, params string[] options)
    {
        var output = Path.Combine(_work, outputName);
        ScoreInputs.Score(input, output, options);
        return output;
    }
}
