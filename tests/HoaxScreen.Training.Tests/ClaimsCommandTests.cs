using HoaxScreen.Core.Claims;
using HoaxScreen.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace HoaxScreen.Training.Tests;

/// <summary><c>claims import --db DB --in FILE [--format …]</c>: end to end through the CLI, in process.</summary>
public class ClaimsCommandTests
{
    private string _work = null!;
    private string _db = null!;

    [SetUp]
    public void CreateWork()
    {
        _work = Directory.CreateTempSubdirectory("hoaxscreen-claims-cli-").FullName;
        _db = Path.Combine(_work, "claims.db");
    }

    [TearDown]
    public void DeleteWork()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }

    private static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "Fixtures", "claims", name);

    [Test]
    public void Import_Csv_AddsClaimsAndPrintsTheTotal()
    {
        var run = CliRun.Of("claims", "import", "--db", _db, "--in", Fixture("good.csv"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.Contain("read 3 claims from").And.Contain("as csv"));
        Assert.That(run.Stdout, Does.Contain("added 3, updated 0, unchanged 0;").And.Contain("now holds 3 claims (revision 1)"));
        Assert.That(ClaimStore.Open(_db).Get("uji-1")!.Rating, Is.EqualTo(ClaimRating.False));
    }

    [Test]
    public void Import_EveryFormatIntoOneStore_AddsThemAll()
    {
        foreach (var file in new[] { "good.csv", "good.jsonl", "claimreview.json", "google.json", "mafindo.json" })
        {
            var run = CliRun.Of("claims", "import", "--db", _db, "--in", Fixture(file));
            Assert.That(run.ExitCode, Is.EqualTo(0), file + ": " + run.Stderr);
        }

        Assert.That(ClaimStore.Open(_db).Count, Is.EqualTo(3 + 3 + 2 + 2 + 2));
    }

    [Test]
    public void Import_SameFileTwice_ReportsUnchangedAndKeepsTheRevision()
    {
        CliRun.Of("claims", "import", "--db", _db, "--in", Fixture("mafindo.json"));

        var again = CliRun.Of("claims", "import", "--db", _db, "--in", Fixture("mafindo.json"), "--format", "mafindo");

        Assert.That(again.ExitCode, Is.EqualTo(0), again.Stderr);
        Assert.That(again.Stdout, Does.Contain("added 0, updated 0, unchanged 2;").And.Contain("now holds 2 claims (revision 1)"));
    }

    [Test]
    public void Import_DuplicateIds_SaysTheLastWins()
    {
        var run = CliRun.Of("claims", "import", "--db", _db, "--in", Fixture("duplicate-ids.csv"));

        Assert.That(run.Stdout, Does.Contain("read 3 claims").And.Contain("1 repeated an earlier id: the last of each kept"));
        Assert.That(run.Stdout, Does.Contain("added 2,"));
        Assert.That(ClaimStore.Open(_db).Get("uji-1")!.Claim, Is.EqualTo("Versi baru"));
    }

    [Test]
    public void Import_BadFile_ExitsOneNamingTheLineAndChangesNothing()
    {
        CliRun.Of("claims", "import", "--db", _db, "--in", Fixture("good.csv"));
        var before = ClaimStore.Open(_db).ReadAll().ToList();

        var run = CliRun.Of("claims", "import", "--db", _db, "--in", Fixture("bad-date.csv"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.StartWith("error: ").And.EndWith("bad-date.csv:3: published '2024-13-45' is not a date (expected YYYY-MM-DD)"));
        Assert.That(ClaimStore.Open(_db).ReadAll().ToList(), Is.EqualTo(before));
        Assert.That(ClaimStore.Open(_db).Revision, Is.EqualTo(1));
    }

    [Test]
    public void Import_BadFileIntoNoStore_CreatesNoStore()
    {
        var run = CliRun.Of("claims", "import", "--db", _db, "--in", Fixture("broken.jsonl"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.Contain("broken.jsonl:3: not valid JSON"));
        Assert.That(File.Exists(_db), Is.False);
    }

    [Test]
    public void Import_NotAStore_ExitsOne()
    {
        File.WriteAllText(_db, "this is a text file, not a store of anything at all, but it has enough bytes\n");

        var run = CliRun.Of("claims", "import", "--db", _db, "--in", Fixture("good.csv"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Is.EqualTo($"error: {_db}: not a claims store (the file is not a SQLite database)"));
    }

    [TestCase(new[] { "claims" }, "claims needs a subcommand: import, train or search")]
    [TestCase(new[] { "claims", "purge" }, "unknown claims subcommand 'purge' (expected import, train or search)")]
    [TestCase(new[] { "claims", "import", "--in", "x.csv" }, "missing --db")]
    [TestCase(new[] { "claims", "import", "--db", "x.db" }, "missing --in")]
    [TestCase(new[] { "claims", "import", "--db", "x.db", "--in", "x.csv", "--format", "xml" }, "--format must be one of csv, jsonl, claimreview, google, mafindo, not 'xml'")]
    [TestCase(new[] { "claims", "import", "--db", "x.db", "--in", "x.csv", "--top", "3" }, "unknown option '--top'")]
    public void Claims_BadUsage_ExitsTwo(string[] args, string expected)
    {
        var run = CliRun.Of(args);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.LastError, Does.StartWith("error: " + expected));
    }

    [Test]
    public void Help_ListsClaimsImportWithItsFormats() =>
        Assert.That(CliRun.Of("claims", "import", "--help").Stdout, Does.Contain("--format <csv|jsonl|claimreview|google|mafindo>"));
}
