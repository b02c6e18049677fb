using System.Text.Json.Nodes;
using HoaxScreen.Tests.Shared;
using HoaxScreen.Training.Claims;

namespace HoaxScreen.Training.Tests.Claims;

/// <summary>
/// claims train on the team-written claims and pairs (data/claims): writes the decider and its manifest, with
/// thresholds chosen out of fold, and the cross-validated figures the README quotes stay where they were measured.
/// </summary>
public class ClaimsTrainCommandTests
{
    private string _work = null!;

    [SetUp]
    public void CreateWorkFolder() => _work = Directory.CreateTempSubdirectory("hoaxscreen-claims-train-").FullName;

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(_work, recursive: true);

    private static string[] Arguments(string output) =>
    [
        "claims", "train", "--claims", Path.Combine(RepoPaths.DataFolder, "claims", "claims.csv"),
        "--pairs", Path.Combine(RepoPaths.DataFolder, "claims", "pairs.csv"), "--model", RepoPaths.DefaultModel, "--out", output,
    ];

    [Test]
    public void Train_TeamPairs_WritesDeciderAndOutOfFoldThresholds()
    {
        var output = Path.Combine(_work, "matcher");

        var run = CliRun.Of(Arguments(output));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "matcher.json")))!;
        var cv = manifest["crossValidation"]!;
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Combine(output, "decider.zip")));
            Assert.That(manifest["matchThreshold"]!.GetValue<double>(), Is.InRange(0.0, 1.0));
            Assert.That(manifest["suggestThreshold"]!.GetValue<double>(), Is.LessThanOrEqualTo(manifest["matchThreshold"]!.GetValue<double>()));
            Assert.That(cv["repeatPosts"]!.GetValue<int>(), Is.EqualTo(1530));
            // the second pass of data/claims (scam messages that share few words with their headline) is harder: 0.942 before it
            Assert.That(cv["successAtOne"]!.GetValue<double>(), Is.GreaterThan(0.85), "measured 0.895");
            Assert.That(cv["matchPrecision"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0.95));
            Assert.That(cv["suggestedUnrelatedShare"]!.GetValue<double>(), Is.LessThanOrEqualTo(ClaimMatcherTraining.MaxSuggestedUnrelatedShare));
            Assert.That(cv["shortRepeatPosts"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(run.Stdout, Does.Contain("success@1"));
        });
    }

    [Test]
    public void Train_ClaimIdMissingFromClaims_ExitsOneNamingTheLine()
    {
        var pairs = Path.Combine(_work, "pairs.csv");
        File.WriteAllText(pairs, "post,claim_id,kind\nvaksin ada chipnya sebarkan,tc-0001,repeat\nini bohong,tc-9999,repeat\n");
        var arguments = Arguments(Path.Combine(_work, "matcher"));
        arguments[5] = pairs;

        var run = CliRun.Of(arguments);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.LastError, Does.Contain("line 3").And.Contain("tc-9999"));
        });
    }
}
