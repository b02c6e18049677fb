using HoaxScreen.Core.Risks;

namespace HoaxScreen.Core.Tests.Risks;

/// <summary>Risk rules are data an office edits: they must fire as written and refuse a bad file in plain words.</summary>
public class RiskRuleSetTests
{
    private const string Rules = """
        {
          "rules": [
            { "name": "asn_neutrality", "reason": "Campaign content from a civil servant (ASN).",
              "when": { "labels": ["campaign"], "authorRoles": ["asn"] } },
            { "name": "black_campaign", "reason": "Campaign content with a false claim, SARA or hate.",
              "when": { "labels": ["campaign"], "anyOf": { "labels": ["hoax", "sara", "hate_speech"], "knownClaim": true, "termLists": ["fitnah"] } } },
            { "name": "shared_campaign", "reason": "A share of campaign content.",
              "when": { "labels": ["campaign"], "actions": ["share", "like"] } }
          ]
        }
        """;

    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("hoaxscreen-risks-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private RiskRuleSet LoadText(string json)
    {
        var path = Path.Combine(_folder, "risk-rules.json");
        File.WriteAllText(path, json);
        return RiskRuleSet.Load(path);
    }

    private static RiskFacts Facts(string[] flagged, string? role = null, string? action = null, bool knownClaim = false, string[]? lists = null) =>
        new(flagged.ToHashSet(), role, action, knownClaim, lists?.ToHashSet());

    [TestCase("post")]
    [TestCase("comment")]
    [TestCase("like")]
    [TestCase(null)]
    public void Evaluate_CampaignByACivilServant_AsnNeutralityWhateverTheAction(string? action)
    {
        var risks = LoadText(Rules).Evaluate(Facts(["campaign"], role: "asn", action: action));

        Assert.That(risks.Select(r => r.Name), Does.Contain("asn_neutrality"));
    }

    [TestCase("public")]
    [TestCase(null)]
    public void Evaluate_CampaignByAnyoneElse_NoAsnNeutrality(string? role) =>
        Assert.That(LoadText(Rules).Evaluate(Facts(["campaign"], role: role)).Select(r => r.Name), Does.Not.Contain("asn_neutrality"));

    [Test]
    public void Evaluate_CampaignWithAnyPieceOfEvidence_BlackCampaign()
    {
        var rules = LoadText(Rules);

        Assert.Multiple(() =>
        {
            Assert.That(rules.Evaluate(Facts(["campaign", "hoax"])).Select(r => r.Name), Is.EqualTo(new[] { "black_campaign" }));
            Assert.That(rules.Evaluate(Facts(["campaign"], knownClaim: true)).Select(r => r.Name), Is.EqualTo(new[] { "black_campaign" }));
            Assert.That(rules.Evaluate(Facts(["campaign"], lists: ["fitnah"])).Select(r => r.Name), Is.EqualTo(new[] { "black_campaign" }));
            Assert.That(rules.Evaluate(Facts(["campaign"])), Is.Empty, "campaigning with true criticism is allowed");
            Assert.That(rules.Evaluate(Facts(["hoax", "sara", "hate_speech"])), Is.Empty, "no campaign, no campaign risk");
        });
    }

    [Test]
    public void Evaluate_SeveralRules_InTheOrderOfTheFile()
    {
        var risks = LoadText(Rules).Evaluate(Facts(["campaign", "sara", "hate_speech"], role: "asn", action: "share"));

        Assert.That(risks.Select(r => r.Name), Is.EqualTo(new[] { "asn_neutrality", "black_campaign", "shared_campaign" }));
        Assert.That(risks[0].Reason, Is.EqualTo("Campaign content from a civil servant (ASN)."));
    }

    [Test]
    public void LabelsUsed_ListsEveryLabelTheRulesRead() =>
        Assert.That(LoadText(Rules).LabelsUsed(), Is.EquivalentTo(new[] { "campaign", "hoax", "sara", "hate_speech" }));

    [Test]
    public void Load_BadRules_EveryProblemNamedWithItsRule()
    {
        const string bad = """
            { "rules": [
              { "name": "a", "reason": "x", "when": { "authorRoles": ["pns"], "actions": ["retweet"] } },
              { "name": "a", "reason": " ", "when": { } },
              { "name": "Bad-Name", "reason": "x", "when": { "anyOf": { "knownClaim": false } } }
            ] }
            """;

        var error = Assert.Throws<RiskRulesException>(() => LoadText(bad));

        Assert.That(error!.Message, Does.StartWith(Path.Combine(_folder, "risk-rules.json"))
            .And.Contain("rules[0].when.authorRoles: 'pns' is not one of asn, candidate, party, media, public")
            .And.Contain("rules[0].when.actions: 'retweet' is not one of post, comment, share, like")
            .And.Contain("rules[1].name 'a' is used by an earlier rule")
            .And.Contain("rules[1].reason must say why")
            .And.Contain("rules[1].when has no condition")
            .And.Contain("rules[2].name must be lower-case")
            .And.Contain("rules[2].when.anyOf names no evidence"));
    }

    [TestCase("""{ "rules": [ { "name": "a", "reason": "x", "when": { "labelz": ["hoax"] } } ] }""", "rules[0].when.labelz is not a field")]
    [TestCase("""{ "rules": [ { "name": "a", "reason": "x", "when": { "labels": "hoax" } } ] }""", "rules[0].when.labels is not a field of a risk rules file, or not of the right kind")]
    [TestCase("""{ "rules": [ """, "not valid JSON")]
    public void Load_MalformedFile_PlainWordsWithoutDotNetNames(string json, string expected)
    {
        var error = Assert.Throws<RiskRulesException>(() => LoadText(json));

        Assert.That(error!.Message, Does.Contain(expected).And.Not.Contain("HoaxScreen.").And.Not.Contain("System."));
    }

    [Test]
    public void Load_NoFile_SaysSo() =>
        Assert.That(() => RiskRuleSet.Load(Path.Combine(_folder, "none.json")), Throws.TypeOf<RiskRulesException>().With.Message.Contains("not found"));
}
