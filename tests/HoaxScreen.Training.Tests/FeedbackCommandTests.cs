using System.Text.Json.Nodes;
using HoaxScreen.Core.Feedback;
using HoaxScreen.Training.Data;
using Microsoft.Data.Sqlite;

namespace HoaxScreen.Training.Tests;

/// <summary><c>feedback export --db DB --out FILE</c>: the service's decisions as canonical training data, end to end in process.</summary>
public class FeedbackCommandTests
{
    private string _work = null!;
    private string _db = null!;

    [SetUp]
    public void CreateWork()
    {
        _work = Directory.CreateTempSubdirectory("hoaxscreen-feedback-cli-").FullName;
        _db = Path.Combine(_work, "feedback.db");
    }

    [TearDown]
    public void DeleteWork()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }

    private void FillStore()
    {
        var store = FeedbackStore.Open(_db);
        var scores = new Dictionary<string, ModelJudgement> { ["hoax"] = new(0.7f, true) };
        store.Add(new NewFeedback("sebarkan! KTP lama tidak berlaku, kata orang KPU", new Dictionary<string, bool> { ["hoax"] = true }), "m1", scores);
        store.Add(new NewFeedback("dasar kafir, pergi sana", new Dictionary<string, bool> { ["sara"] = true, ["hoax"] = false }), "m1", scores);
        store.Add(new NewFeedback("TPS 12 buka jam 7, antre tertib", new Dictionary<string, bool> { ["hoax"] = false, ["sara"] = false }), "m1", scores);
        store.Add(new NewFeedback("cocok dengan klaim", new Dictionary<string, bool>(), ClaimId: "tc-0001", ClaimCorrect: true), "m1", scores);
    }

    [Test]
    public void ExportCsv_Decisions_CanonicalFileTheTrainingReaderLoadsWithUnjudgedLabelsUnknown()
    {
        FillStore();
        var output = Path.Combine(_work, "feedback.csv");

        var run = CliRun.Of("feedback", "export", "--db", _db, "--out", output);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var dataset = LabelledDataset.Load(TrainingRecipe.ForCanonicalFile(output));
        var hoax = dataset.LabelIndex("hoax");
        var sara = dataset.LabelIndex("sara");
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadLines(output).First(), Is.EqualTo("id,text,hoax,sara"));
            Assert.That(dataset.Posts, Has.Count.EqualTo(3), "the claim-only decision has no label to train on");
            Assert.That(dataset.Posts[0].Labels[hoax], Is.True);
            Assert.That(dataset.Posts[0].Labels[sara], Is.Null, "not judged: unknown, not negative");
            Assert.That(dataset.Posts[1].Labels[sara], Is.True);
            Assert.That(dataset.Posts[2].Labels[hoax], Is.False);
            Assert.That(run.LastError, Does.StartWith("exported 3 decisions to ").And.Contain("(labels: hoax, sara); 1 judging only a known claim left out"));
        });
    }

    [Test]
    public void ExportJsonl_ByExtension_OneObjectPerDecision()
    {
        FillStore();
        var output = Path.Combine(_work, "feedback.jsonl");

        var run = CliRun.Of("feedback", "export", "--db", _db, "--out", output);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var lines = File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(3));
            Assert.That(lines[0]["hoax"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(lines[0].ContainsKey("sara"), Is.False);
        });
    }

    [Test]
    public void Export_MissingStore_OneLineErrorExit1AndNoStoreCreated()
    {
        var run = CliRun.Of("feedback", "export", "--db", Path.Combine(_work, "nope.db"), "--out", Path.Combine(_work, "out.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.LastError, Does.StartWith("error: ").And.EndWith("nope.db: feedback store not found"));
            Assert.That(File.Exists(Path.Combine(_work, "nope.db")), Is.False);
        });
    }

    [Test]
    public void Export_AnotherSqliteFile_OneLineErrorExit1()
    {
        using (var connection = new SqliteConnection($"Data Source={_db}"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE other (x INTEGER)";
            create.ExecuteNonQuery();
        }

        var run = CliRun.Of("feedback", "export", "--db", _db, "--out", Path.Combine(_work, "out.csv"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.Contain("not a feedback store"));
    }

    [Test]
    public void Export_OutputFolderMissing_OneLineErrorExit1()
    {
        FillStore();

        var run = CliRun.Of("feedback", "export", "--db", _db, "--out", Path.Combine(_work, "no-such-folder", "out.csv"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.Contain("folder not found"));
    }

    [TestCase("--out", "out.txt", "--out must end in .csv or .jsonl")]
    [TestCase("--format", "xml", "--format must be csv or jsonl")]
    public void Export_UnknownFormat_UsageErrorExit2(string option, string value, string words)
    {
        FillStore();
        string[] args = option == "--out"
            ? ["feedback", "export", "--db", _db, "--out", Path.Combine(_work, value)]
            : ["feedback", "export", "--db", _db, "--out", Path.Combine(_work, "out.csv"), option, value];

        var run = CliRun.Of(args);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.LastError, Does.Contain(words));
    }

    [Test]
    public void Feedback_UnknownSubcommand_UsageErrorExit2()
    {
        var run = CliRun.Of("feedback", "import");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.LastError, Is.EqualTo("error: unknown feedback subcommand 'import' (expected export)"));
    }
}
