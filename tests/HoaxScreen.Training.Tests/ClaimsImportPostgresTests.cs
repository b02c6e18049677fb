using HoaxScreen.Core.Claims;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// <c>claims import --db "Host=…"</c>: the office imports fact-checks into the PostgreSQL the replicas share, through
/// the same CLI as the SQLite file. Ignored with the reason where no PostgreSQL can start.
/// </summary>
public class ClaimsImportPostgresTests
{
    private static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "Fixtures", "claims", name);

    [Test]
    public void Import_ConnectionString_AddsClaimsToTheSharedStore()
    {
        var database = TestPostgres.NewDatabase();

        var run = CliRun.Of("claims", "import", "--db", database, "--in", Fixture("good.csv"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.Contain("added 3, updated 0, unchanged 0;").And.Contain("now holds 3 claims (revision 1)"));
        Assert.That(ClaimStore.Open(database).Get("uji-1")!.Rating, Is.EqualTo(ClaimRating.False));
    }

    [Test]
    public void Import_SameFileTwiceIntoPostgres_ReportsUnchangedAndKeepsTheRevision()
    {
        var database = TestPostgres.NewDatabase();
        CliRun.Of("claims", "import", "--db", database, "--in", Fixture("mafindo.json"));

        var again = CliRun.Of("claims", "import", "--db", database, "--in", Fixture("mafindo.json"));

        Assert.That(again.ExitCode, Is.EqualTo(0), again.Stderr);
        Assert.That(again.Stdout, Does.Contain("added 0, updated 0, unchanged 2;").And.Contain("now holds 2 claims (revision 1)"));
    }

    [Test]
    public void Import_UnreachableServer_ExitsOneInOneLineWithoutThePassword()
    {
        var run = CliRun.Of(
            "claims", "import", "--db", "Host=127.0.0.1;Port=1;Database=hoaxscreen;Username=u;Password=secret-pw;Timeout=3",
            "--in", Fixture("good.csv"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1), run.Stderr);
        Assert.That(run.Stderr, Does.StartWith("error: ").And.Not.Contain("secret-pw").And.Not.Contain("   at "));
    }
}
