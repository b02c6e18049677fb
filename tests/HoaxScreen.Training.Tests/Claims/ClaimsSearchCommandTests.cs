using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Training.Tests.Claims;

/// <summary>claims search with the committed matcher (models/claims) over a store of the team's claims.</summary>
public class ClaimsSearchCommandTests
{
    private string _work = null!;

    [SetUp]
    public void CreateWorkFolder() => _work = Directory.CreateTempSubdirectory("hoaxscreen-claims-search-").FullName;

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(_work, recursive: true);

    private string ImportTeamClaims()
    {
        var db = Path.Combine(_work, "claims.db");
        var run = CliRun.Of("claims", "import", "--db", db, "--in", Path.Combine(RepoPaths.DataFolder, "claims", "claims.csv"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        return db;
    }

    [Test]
    public void Search_PostRepeatingAClaim_FirstLineIsItsMatch()
    {
        var db = ImportTeamClaims();

        var run = CliRun.Of(
            "claims", "search", "--db", db, "--top", "3", "--matcher", RepoPaths.Bundle("claims"), "--model", RepoPaths.DefaultModel,
            "--text", "PENTING!! vaksin campak di posyandu katanya mengandung babi dan ada chip pelacaknya, sebarkan ke grup keluarga sebelum dihapus");

        var lines = run.Stdout.TrimEnd().Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(lines[0], Is.EqualTo("decision\tprobability\tid\tverdict\tclaim\turl"));
            Assert.That(lines[1], Does.StartWith("match\t").And.Contain("\ttc-0001\t"));
            Assert.That(lines, Has.Length.LessThanOrEqualTo(4), "at most --top candidates");
        });
    }

    [Test]
    public void Search_NoStore_ExitsOneSayingSo()
    {
        var run = CliRun.Of(
            "claims", "search", "--db", Path.Combine(_work, "missing.db"), "--text", "halo", "--matcher", RepoPaths.Bundle("claims"),
            "--model", RepoPaths.DefaultModel);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.LastError, Does.Contain("no claims store"));
            Assert.That(File.Exists(Path.Combine(_work, "missing.db")), Is.False, "a search creates no store");
        });
    }
}
