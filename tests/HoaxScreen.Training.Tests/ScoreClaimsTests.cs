using System.Globalization;
using System.Text.Json.Nodes;
using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Tests.Shared;
using HoaxScreen.Training.BulkScoring;
using HoaxScreen.Training.Commands;
using Microsoft.Data.Sqlite;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// <c>score --claims DB</c> with the committed matcher (models/claims, found beside models/default) over the team's
/// claims (data/claims/claims.csv imported into a fresh store): the three claim columns in CSV and JSON Lines, the
/// same decisions as <see cref="ClaimMatcher.Match"/>, the store's edge cases and resume.
/// </summary>
public class ScoreClaimsTests
{
    /// <summary>A post repeating tc-0001 (vaccine with pork and a tracking chip) in other words, from data/claims/pairs.csv.</summary>
    private const string Repeat = "Info dr grup PKK Sleman: vaksin campak bulan ini ada chip pelacak dan gelatin babi, anak sy gk jadi disuntik";

    /// <summary>Shares no word with any claim: no candidate at all.</summary>
    private const string Unrelated = "wkwkwk mantul gan 😂👍";

    private static readonly string ClaimsCsv = Path.Combine(RepoPaths.DataFolder, "claims", "claims.csv");

    /// <summary>How many claims data/claims/claims.csv holds (good.csv adds 3 new ids to them).</summary>
    private static readonly int CommittedClaims = ClaimImport.Load(ClaimsCsv).Claims.Count;

    private string _work = null!;
    private string _db = null!;

    [SetUp]
    public void CreateWork()
    {
        _work = Directory.CreateTempSubdirectory("hoaxscreen-score-claims-").FullName;
        _db = Path.Combine(_work, "claims.db");
        var import = CliRun.Of("claims", "import", "--db", _db, "--in", ClaimsCsv);
        Assert.That(import.ExitCode, Is.EqualTo(0), import.Stderr);
    }

    [TearDown]
    public void DeleteWork()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }

    [Test]
    public void Score_CsvWithClaims_AddsTheClaimColumnsAfterFlagged()
    {
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Repeat, Unrelated]);
        var output = Path.Combine(_work, "scores.csv");

        var run = ScoreInputs.Score(input, output, "--claims", _db);

        var (header, rows) = ReadCsv(output);
        var labels = LabelsOf(RepoPaths.DefaultModel);
        var expectedHeader = labels.SelectMany(l => new[] { l, l + "_flagged" }).Prepend("id").Append("flagged").Concat(CsvScoreWriter.ClaimColumns);
        Assert.Multiple(() =>
        {
            Assert.That(header, Is.EqualTo(expectedHeader.ToArray()));
            Assert.That(Cell(header, rows[0], "claim_id"), Is.EqualTo("tc-0001"));
            Assert.That(Cell(header, rows[0], "claim_decision"), Is.EqualTo("match"));
            Assert.That(double.Parse(Cell(header, rows[0], "claim_score"), CultureInfo.InvariantCulture), Is.InRange(0.0, 1.0));
            Assert.That(Cell(header, rows[0], "flagged"), Is.EqualTo("1"), "a match with a false claim flags the post, as /v1/screen does");
            Assert.That(Cell(header, rows[1], "claim_id"), Is.Empty);
            Assert.That(Cell(header, rows[1], "claim_score"), Is.Empty);
            Assert.That(Cell(header, rows[1], "claim_decision"), Is.EqualTo("none"));
            Assert.That(run.LastError, Does.Contain($"known claims ({CommittedClaims}): 1 match, 0 suggest"));
        });
    }

    [Test]
    public void Score_JsonLinesWithClaimsAndExplain_AddsClaimFieldsBeforeTheWords()
    {
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Repeat, Unrelated]);
        var output = Path.Combine(_work, "scores.jsonl");

        ScoreInputs.Score(input, output, "--claims", _db, "--explain", "2");

        var lines = File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var keys = lines[0].Select(p => p.Key).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(keys.IndexOf("claim_id"), Is.EqualTo(keys.IndexOf("flagged") + 1));
            Assert.That(keys.IndexOf("claim_decision") + 1, Is.EqualTo(keys.FindIndex(k => k.EndsWith("_words", StringComparison.Ordinal))));
            Assert.That(lines[0]["claim_id"]!.GetValue<string>(), Is.EqualTo("tc-0001"));
            Assert.That(lines[0]["claim_score"]!.GetValue<double>(), Is.InRange(0.0, 1.0));
            Assert.That(lines[0]["claim_decision"]!.GetValue<string>(), Is.EqualTo("match"));
            Assert.That(lines[1].ContainsKey("claim_id") && lines[1]["claim_id"] is null, "claim_id is null when no claim was retrieved");
            Assert.That(lines[1].ContainsKey("claim_score") && lines[1]["claim_score"] is null);
            Assert.That(lines[1]["claim_decision"]!.GetValue<string>(), Is.EqualTo("none"));
        });
    }

    [Test]
    public void Score_WithoutClaims_WritesNoClaimColumns()
    {
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Repeat]);
        var output = Path.Combine(_work, "scores.csv");

        ScoreInputs.Score(input, output);

        Assert.That(ReadCsv(output).Header, Has.None.StartsWith("claim_"));
    }

    /// <summary>The CLI's claim columns are the matcher's own answer: the same best candidate, score and decision as <see cref="ClaimMatcher.Match"/>.</summary>
    [Test]
    public void Score_PairsPosts_SameDecisionsAsClaimMatcherMatch()
    {
        var posts = PairPosts().Where((_, i) => i % 4 == 0).Concat(ScoreInputs.Awkward).Append(Unrelated).ToArray();
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), posts);
        var output = Path.Combine(_work, "scores.csv");
        ScoreInputs.Score(input, output, "--claims", _db, "--batch-size", "32");

        var model = ModelBundleLoader.Load(RepoPaths.DefaultModel);
        var matcher = ClaimMatcher.Load(RepoPaths.Bundle("claims"), ClaimStore.Open(_db).Snapshot().Claims, model.Normalizer);
        var (header, rows) = ReadCsv(output);
        Assert.That(rows, Has.Count.EqualTo(posts.Length));
        var decisions = new List<string>();
        Assert.Multiple(() =>
        {
            for (var i = 0; i < posts.Length; i++)
            {
                var best = matcher.Match(posts[i]).FirstOrDefault();
                var candidate = matcher.Candidates(posts[i]).FirstOrDefault();
                var decision = BulkClaims.DecisionName(best?.Decision);
                decisions.Add(decision);
                Assert.That(Cell(header, rows[i], "claim_decision"), Is.EqualTo(decision), $"row {i}: {posts[i]}");
                Assert.That(Cell(header, rows[i], "claim_id"), Is.EqualTo(candidate?.Claim.Id ?? string.Empty), $"row {i}");
                Assert.That(Cell(header, rows[i], "claim_score"), Is.EqualTo(candidate?.Score.ToString("0.######", CultureInfo.InvariantCulture) ?? string.Empty), $"row {i}");
                if (best is not null)
                {
                    Assert.That(best.Claim.Id, Is.EqualTo(candidate!.Claim.Id), "Match's first is the best candidate");
                }
            }
        });
        Assert.That(decisions, Does.Contain("match").And.Contain("suggest").And.Contain("none"), "the posts exercise every decision");
    }

    [Test]
    public void Score_EmptyStore_WarnsAndWritesNone()
    {
        var empty = Path.Combine(_work, "empty.db");
        ClaimStore.Open(empty);
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Repeat, Unrelated]);
        var output = Path.Combine(_work, "scores.csv");

        var run = ScoreInputs.Score(input, output, "--claims", empty);

        var (header, rows) = ReadCsv(output);
        Assert.Multiple(() =>
        {
            Assert.That(run.Stderr, Does.Contain($"[score] warning: the claims store {empty} holds no claims; every row's claim_decision will be none"));
            Assert.That(rows.Select(r => Cell(header, r, "claim_decision")), Is.All.EqualTo("none"));
            Assert.That(rows.Select(r => Cell(header, r, "claim_id") + Cell(header, r, "claim_score")), Is.All.Empty);
        });
    }

    [Test]
    public void Score_MissingStore_ExitsOneNamingItAndCreatesNothing()
    {
        var missing = Path.Combine(_work, "nothing-here.db");
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Repeat]);
        var output = Path.Combine(_work, "scores.csv");

        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", output, "--claims", missing);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(run.LastError, Is.EqualTo($"error: {missing}: no claims store there (--claims; create one with claims import)"));
            Assert.That(missing, Does.Not.Exist, "scoring never creates a store");
            Assert.That(output, Does.Not.Exist);
            Assert.That(output + ".partial", Does.Not.Exist);
        });
    }

    [Test]
    public void Score_BadMatcherFolder_ExitsOneWithOneLine()
    {
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Repeat]);
        var output = Path.Combine(_work, "scores.csv");

        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", output, "--claims", _db, "--matcher", _work);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(run.LastError, Is.EqualTo($"error: {_work}: not a matcher folder (no matcher.json)"));
            Assert.That(output, Does.Not.Exist);
        });
    }

    [Test]
    public void Score_MatcherWithoutClaims_IsBadUsage()
    {
        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", "posts.csv", "--out", Path.Combine(_work, "s.csv"), "--matcher", RepoPaths.Bundle("claims"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.LastError, Is.EqualTo("error: --matcher applies with --claims only"));
    }

    [Test]
    public void ResolveMatcher_NotGiven_TakesClaimsBesideTheModel() =>
        Assert.That(BulkClaims.ResolveMatcher(null, RepoPaths.DefaultModel), Is.EqualTo(RepoPaths.Bundle("claims")));

    [Test]
    public void Score_StoppedWithClaimsThenResumed_OutputIsByteIdentical()
    {
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [.. PairPosts().Take(60)]);
        var output = Path.Combine(_work, "scores.csv");
        var uninterrupted = Path.Combine(_work, "uninterrupted.csv");
        ScoreInputs.Score(input, uninterrupted, "--claims", _db);

        var first = Score(input, output, "--claims", _db, "--batch-size", "16", "--max-rows", "25");
        var resumed = Score(input, output, "--claims", _db, "--batch-size", "16", "--resume");

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode), first.Stderr);
            Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Stderr);
            Assert.That(resumed.LastError, Does.Contain("in the rows scored now"));
            Assert.That(File.ReadAllBytes(output), Is.EqualTo(File.ReadAllBytes(uninterrupted)));
        });
    }

    [TestCase("without", "it was started with --claims {db}, not without it")]
    [TestCase("other-store", "it was started with other claims ({claims} in {db} at revision 1; now 3 in {other} at revision 1)")]
    [TestCase("store-changed", "it was started with other claims ({claims} in {db} at revision 1; now {claims+3} in {db} at revision 2)")]
    public void Score_ResumeWithOtherClaims_IsRefusedAndKeepsThePartialRun(string change, string reason)
    {
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [.. PairPosts().Take(40)]);
        var output = Path.Combine(_work, "scores.csv");
        Assert.That(Score(input, output, "--claims", _db, "--batch-size", "16", "--max-rows", "20").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));
        var partial = File.ReadAllBytes(output + ".partial");
        var other = Path.Combine(_work, "other.db");
        string[] claimsNow = change switch
        {
            "without" => [],
            "other-store" => ["--claims", other],
            _ => ["--claims", _db],
        };
        if (change == "other-store")
        {
            Assert.That(CliRun.Of("claims", "import", "--db", other, "--in", Path.Combine(RepoPaths.Root, "tests", "Fixtures", "claims", "good.csv")).ExitCode, Is.EqualTo(0));
        }
        else if (change == "store-changed")
        {
            Assert.That(CliRun.Of("claims", "import", "--db", _db, "--in", Path.Combine(RepoPaths.Root, "tests", "Fixtures", "claims", "good.csv")).ExitCode, Is.EqualTo(0));
        }

        var run = Score(input, output, [.. claimsNow, "--batch-size", "16", "--resume"]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Stderr);
            Assert.That(run.LastError, Is.EqualTo(
                $"error: cannot resume {output}.partial: {reason.Replace("{db}", _db, StringComparison.Ordinal).Replace("{other}", other, StringComparison.Ordinal).Replace("{claims+3}", $"{CommittedClaims + 3}", StringComparison.Ordinal).Replace("{claims}", $"{CommittedClaims}", StringComparison.Ordinal)}; run without --resume to start again"));
            Assert.That(File.ReadAllBytes(output + ".partial"), Is.EqualTo(partial));
        });
    }

    [Test]
    public void Score_ResumeWithClaimsOfARunStartedWithout_IsRefused()
    {
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [.. PairPosts().Take(40)]);
        var output = Path.Combine(_work, "scores.csv");
        Assert.That(Score(input, output, "--batch-size", "16", "--max-rows", "20").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));

        var run = Score(input, output, "--claims", _db, "--batch-size", "16", "--resume");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Stderr);
        Assert.That(run.LastError, Does.EndWith($": it was started without --claims, not with --claims {_db}; run without --resume to start again"));
    }

    private static CliRun Score(string input, string output, params string[] options) =>
        CliRun.Of(["score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", output, .. options]);

    private static IEnumerable<string> PairPosts()
    {
        using var reader = CsvRecordReader.Open(Path.Combine(RepoPaths.DataFolder, "claims", "pairs.csv"));
        var header = reader.ReadRecord()!;
        var post = Array.IndexOf(header, "post");
        while (reader.ReadRecord() is { } record)
        {
            yield return record[post];
        }
    }

    private static List<string> LabelsOf(string bundle) =>
        [.. Core.Modeling.ModelBundle.ReadManifest(bundle).Labels.Select(l => l.Name)];

    private static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        using var reader = CsvRecordReader.Open(path);
        var header = reader.ReadRecord()!;
        var rows = new List<string[]>();
        while (reader.ReadRecord() is { } row)
        {
            rows.Add(row);
        }

        return (header, rows);
    }

    private static string Cell(string[] header, string[] row, string column) => row[Array.IndexOf(header, column)];
}
