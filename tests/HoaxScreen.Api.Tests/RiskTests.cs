using System.Net;
using System.Text.Json.Nodes;
using HoaxScreen.Api.Documentation;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Risks from the deployment's rules file: author role and action read with the verdict, rules fired by name and reason,
/// a bad role or action refused in plain words. The rules here use labels the shipped model scores (abusive), so they
/// fire today; the shipped file's rules read <c>campaign</c>.
/// </summary>
[TestFixture]
public sealed class RiskTests : ApiFixture
{
    private const string AbusivePost = "dasar anjing lu, goblok bgt jadi orang";

    private static readonly Lazy<string> Rules = new(() =>
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hoaxscreen-risk-rules-").FullName, "rules.json");
        File.WriteAllText(path, """
            { "rules": [
              { "name": "asn_abusive", "reason": "A civil servant swearing in public.", "when": { "labels": ["abusive"], "authorRoles": ["asn"] } },
              { "name": "shared_abuse", "reason": "Abuse shared onwards.", "when": { "labels": ["abusive"], "actions": ["share"] } }
            ] }
            """);
        return path;
    });

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Risks:RulesPath"] = Rules.Value };

    [Test]
    public async Task Screen_AbusivePostByACivilServantShared_BothRisksWithTheirReasons()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject
        {
            ["text"] = AbusivePost,
            ["author"] = new JsonObject { ["role"] = "asn" },
            ["context"] = new JsonObject { ["action"] = "share" },
        });

        var risks = (await response.ReadObjectAsync())["risks"]!.AsArray();
        Assert.That(risks.Select(r => r!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "asn_abusive", "shared_abuse" }));
        Assert.That(risks[0]!["reason"]!.GetValue<string>(), Is.EqualTo("A civil servant swearing in public."));
    }

    [Test]
    public async Task Screen_SamePostFromThePublic_NoCivilServantRisk()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = AbusivePost, ["author"] = new JsonObject { ["role"] = "public" } });

        Assert.That((await response.ReadObjectAsync())["risks"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task ScreenBatch_EachItemItsOwnAuthor_RisksPerItem()
    {
        var items = new JsonArray(
            new JsonObject { ["text"] = AbusivePost, ["author"] = new JsonObject { ["role"] = "asn" } },
            new JsonObject { ["text"] = AbusivePost });

        using var response = await Client.PostJsonNodeAsync("/v1/screen/batch", new JsonObject { ["items"] = items });

        var results = (await response.ReadObjectAsync())["results"]!.AsArray();
        Assert.That(results[0]!["risks"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "asn_abusive" }));
        Assert.That(results[1]!["risks"]!.AsArray(), Is.Empty);
    }

    [TestCase("author", "role", "pns", "author.role must be one of asn, candidate, party, media, public")]
    [TestCase("context", "action", "retweet", "context.action must be one of post, comment, share, like")]
    public async Task Screen_UnknownRoleOrAction_400InPlainWords(string field, string property, string value, string message)
    {
        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject
        {
            ["text"] = AbusivePost,
            [field] = new JsonObject { [property] = value },
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.That(errors[$"{field}.{property}"]![0]!.GetValue<string>(), Does.StartWith(message));
    }
}

/// <summary>The shipped rules file with the shipped bundle (which carries <c>campaign</c>): the two risks fire.</summary>
[TestFixture]
public sealed class ShippedRiskRulesTests : ApiFixture
{
    // Written for these tests, in none of the training files: a civil servant's call to vote, a made-up scandal
    // against a pair, and neutral election news.
    private const string CallToVote = "Rekan2 guru sekecamatan, tgl 27 nanti kita kompak coblos nomor 3 ya, Bu Yohana sudah terbukti peduli honorer 🙏";
    private const string BlackCampaign = "JANGAN PILIH 02!! Pak Bambang ternyata sudah ditangkap KPK tadi malam, berita ditutup2i media. Sebarkan sebelum dihapus!!";
    private const string ElectionNews = "KPU Kabupaten Sagara mulai mendistribusikan logistik pemilihan ke 14 kecamatan hari ini, dijadwalkan selesai Kamis.";

    private async Task<(JsonObject Labels, string[] Risks)> ScreenAsync(string text, string? role)
    {
        var body = new JsonObject { ["text"] = text };
        if (role is not null)
        {
            body["author"] = new JsonObject { ["role"] = role };
        }

        using var response = await Client.PostJsonNodeAsync("/v1/screen", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var result = await response.ReadObjectAsync();
        return (result["labels"]!.AsObject(), [.. result["risks"]!.AsArray().Select(r => r!["name"]!.GetValue<string>())]);
    }

    private static bool Flagged(JsonObject labels, string label) => labels[label]!["flagged"]!.GetValue<bool>();

    [Test]
    public async Task Screen_CampaignPostByACivilServant_AsnNeutralityRisk()
    {
        var (labels, risks) = await ScreenAsync(CallToVote, "asn");

        Assert.That(Flagged(labels, "campaign"), Is.True, "the shipped bundle flags the call to vote as campaign");
        Assert.That(risks, Does.Contain("asn_neutrality"));
    }

    [Test]
    public async Task Screen_SwaggerAsnExample_AsnNeutralityRisk()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/screen", ElectionExamples.AsnSharesCampaign.Value.DeepClone());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var risks = (await response.ReadObjectAsync())["risks"]!.AsArray().Select(r => r!["name"]!.GetValue<string>());
        Assert.That(risks, Does.Contain("asn_neutrality"), "the example says the shipped rules answer this risk");
    }

    [TestCase("public")]
    [TestCase(null)]
    public async Task Screen_CampaignPostByTheRestOfUs_NoAsnNeutralityRisk(string? role)
    {
        var (_, risks) = await ScreenAsync(CallToVote, role);

        Assert.That(risks, Does.Not.Contain("asn_neutrality"));
    }

    [Test]
    public async Task Screen_MadeUpScandalAgainstAPair_BlackCampaignRisk()
    {
        var (labels, risks) = await ScreenAsync(BlackCampaign, "public");

        Assert.That(Flagged(labels, "campaign") && Flagged(labels, "hoax"), Is.True, labels.ToJsonString());
        Assert.That(risks, Does.Contain("black_campaign"));
    }

    [Test]
    public async Task Screen_NeutralElectionNewsByACivilServant_NoRisks()
    {
        var (_, risks) = await ScreenAsync(ElectionNews, "asn");

        Assert.That(risks, Is.Empty);
    }
}

/// <summary>A broken rules file is a start-up error naming the setting, the file and the problem.</summary>
public sealed class RiskRulesStartupTests
{
    [Test]
    public void Validate_BrokenRulesFile_FailsNamingSettingFileAndProblem()
    {
        var folder = Directory.CreateTempSubdirectory("hoaxscreen-bad-rules-").FullName;
        File.WriteAllText(Path.Combine(folder, "rules.json"), """{ "rules": [ { "name": "x", "reason": "y", "when": { "authorRoles": ["pns"] } } ] }""");
        var environment = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = folder };

        var result = new HoaxScreen.Api.Risks.RisksOptionsValidator(environment).Validate(null, new HoaxScreen.Api.Options.RisksOptions { RulesPath = "rules.json" });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.StartWith("Risks:RulesPath: ").And.Contain("rules.json").And.Contain("'pns' is not one of"));
        Directory.Delete(folder, recursive: true);
    }
}
