using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Training.Tests;

/// <summary>The score command against the committed default model.</summary>
public class ScoreCommandTests
{
    private string _work = null!;

    [SetUp]
    public void CreateWorkFolder() => _work = Directory.CreateTempSubdirectory("hoaxscreen-score-").FullName;

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Score_Csv_WritesDesignColumnsInInputOrder()
    {
        var input = Path.Combine(_work, "posts.csv");
        File.WriteAllText(input, """
            id,text,extra
            1,"anjing lu goblok bangsat, dasar sampah",x
            2,"selamat pagi semua, semoga sehat selalu",y
            3,"SEBARKAN!! besok gempa besar jam 9, info valid grup sebelah",z
            """);
        var output = Path.Combine(_work, "scores.csv");
        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", output);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);

        var labels = ModelBundle.ReadManifest(RepoPaths.DefaultModel).Labels.Select(l => l.Name).ToList();
        using var reader = CsvRecordReader.Open(output);
        var header = reader.ReadRecord()!;
        Assert.That(header, Is.EqualTo(labels.SelectMany(l => new[] { l, l + "_flagged" }).Prepend("id").Append("flagged").ToArray()));
        var rows = new List<string[]>();
        while (reader.ReadRecord() is { } row)
        {
            rows.Add(row);
        }

        Assert.That(rows, Has.Count.EqualTo(3));
        Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[] { "1", "2", "3" }), "the input's ids, first");
        var abusive = 1 + (labels.IndexOf("abusive") * 2);
        Assert.That(float.Parse(rows[0][abusive], System.Globalization.CultureInfo.InvariantCulture),
            Is.GreaterThan(float.Parse(rows[1][abusive], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(rows.SelectMany(r => r.Where((_, i) => (i > 0 && i % 2 == 0) || i == r.Length - 1)), Is.All.Matches<string>(v => v is "0" or "1"));
    }

    [Test]
    public void Score_InputWithoutTextColumn_FailsAndWritesNothing()
    {
        var input = Path.Combine(_work, "posts.csv");
        File.WriteAllText(input, "id,body\n1,halo\n");
        var output = Path.Combine(_work, "scores.csv");
        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", output);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.Contain("no text column 'text'"));
        Assert.That(output, Does.Not.Exist);
    }

    [Test]
    public void Score_MalformedRow_NamesLineAndLeavesExistingOutputIntact()
    {
        var input = Path.Combine(_work, "posts.csv");
        File.WriteAllText(input, "text\n\"halo semua\"\n\"kutipan tidak ditutup\n");
        var output = Path.Combine(_work, "scores.csv");
        File.WriteAllText(output, "previous results");
        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", output);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.Contain("posts.csv:3"));
        Assert.That(File.ReadAllText(output), Is.EqualTo("previous results"));
        Assert.That(Directory.GetFiles(_work), Has.Length.EqualTo(2), "no temporary file left behind");
    }

    [Test]
    public void Help_Always_ListsJsonLinesProgressResumeAndMaxRows()
    {
        var help = CliRun.Of("score", "--help").Stdout;

        Assert.Multiple(() =>
        {
            Assert.That(help, Does.Contain("--in <POSTS.csv|POSTS.jsonl>").And.Contain("--out <SCORES.csv|SCORES.jsonl>"));
            Assert.That(help, Does.Contain("--progress").And.Contain("--resume").And.Contain("--max-rows <N>"));
        });
    }

    [Test]
    public void Score_MissingModel_FailsWithOneLineError()
    {
        var input = Path.Combine(_work, "posts.csv");
        File.WriteAllText(input, "text\nhalo\n");
        var run = CliRun.Of("score", "--model", Path.Combine(_work, "no-model"), "--in", input, "--out", Path.Combine(_work, "o.csv"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.Contain("model folder not found"));
    }
}
