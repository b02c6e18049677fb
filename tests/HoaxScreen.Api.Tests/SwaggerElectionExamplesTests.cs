using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// The election-watch Swagger examples run as they are on a service with term lists on: each list example is stored
/// under its name, and the screening examples then match those lists. The rules file here reads the candidate list
/// (the shipped rules read <c>campaign</c>, which the shipped model does not score yet), so the ASN example fires a risk.
/// </summary>
[TestFixture]
public sealed class SwaggerElectionExamplesTests : ApiFixture
{
    private const string CandidateRisk = "asn_names_candidate";

    private static readonly Lazy<string> Folder = new(() => Directory.CreateTempSubdirectory("hoaxscreen-swagger-election-").FullName);

    private JsonObject _document = null!;
    private readonly Dictionary<string, HttpStatusCode> _stored = [];

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TermLists:Path"] = Path.Combine(Folder.Value, "termlists.db"),
        ["Risks:RulesPath"] = WriteRules(),
    };

    [OneTimeSetUp]
    public async Task StoreTheListExamplesAsync()
    {
        using (var response = await Client.GetAsync("/swagger/v1/swagger.json"))
        {
            _document = await response.ReadObjectAsync();
        }

        foreach (var (name, example) in Examples("/admin/termlists/{name}", "put"))
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/admin/termlists/{name}")
            {
                Content = new StringContent(example!["value"]!.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            using var response = await Client.SendAsync(request);
            _stored[name] = response.StatusCode;
        }
    }

    [Test]
    public async Task PutTermListExamples_RunAsIs_EachStoredUnderItsNameWithItsFlag()
    {
        using var response = await Client.GetAsync("/admin/termlists");
        var lists = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(_stored, Is.EqualTo(new Dictionary<string, HttpStatusCode>
            {
                ["kandidat-sagara"] = HttpStatusCode.OK,
                ["kata-kasar-lokal"] = HttpStatusCode.OK,
            }));
            Assert.That(lists.Select(l => (l!["name"]!.GetValue<string>(), l["flag"]!.GetValue<bool>())),
                Is.EquivalentTo(new[] { ("kandidat-sagara", false), ("kata-kasar-lokal", true) }));
        });
    }

    [Test]
    public async Task AsnExample_CandidateListStored_ReportsThePairsNamesAsWrittenAndTheRiskOnTheList()
    {
        var example = Examples("/v1/screen", "post")["asnSharesCampaign"]!["value"]!;
        var text = example["text"]!.GetValue<string>();

        using var response = await Client.PostJsonNodeAsync("/v1/screen", example.DeepClone());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var result = await response.ReadObjectAsync();
        var matches = result["termMatches"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(matches.Select(m => m!["list"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { "kandidat-sagara" }));
            Assert.That(matches.Select(m => m!["term"]!.GetValue<string>()), Is.EqualTo(new[] { "Bima Santosa", "Rara Lestari", "Bang Bima", "Mbak Rara" }));
            foreach (var match in matches)
            {
                var written = text.Substring(match!["start"]!.GetValue<int>(), match["length"]!.GetValue<int>());
                Assert.That(written.Replace(" ", string.Empty, StringComparison.Ordinal),
                    Is.EqualTo(match["term"]!.GetValue<string>().Replace(" ", string.Empty, StringComparison.Ordinal)).IgnoreCase);
            }

            Assert.That(result["risks"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()), Is.EqualTo(new[] { CandidateRisk }));
        });
    }

    [Test]
    public async Task TermListMatchExample_SlurListStored_FindsTheDisguisedSpellingsAndFlags()
    {
        var example = Examples("/v1/screen", "post")["termListMatch"]!["value"]!;
        var text = example["text"]!.GetValue<string>();

        using var response = await Client.PostJsonNodeAsync("/v1/screen", example.DeepClone());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var result = await response.ReadObjectAsync();
        var found = result["termMatches"]!.AsArray()
            .Select(m => (m!["list"]!.GetValue<string>(), m["term"]!.GetValue<string>(), text.Substring(m["start"]!.GetValue<int>(), m["length"]!.GetValue<int>())));
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.EqualTo(new[] { ("kata-kasar-lokal", "kafir", "k a f i r"), ("kata-kasar-lokal", "cebong", "c3b0ng") }));
            Assert.That(result["flagged"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public async Task ElectionBatchExample_RunAsIs_TheRiskOnlyForTheCivilServant()
    {
        var example = Examples("/v1/screen/batch", "post")["electionWatch"]!["value"]!;

        using var response = await Client.PostJsonNodeAsync("/v1/screen/batch", example.DeepClone());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var results = (await response.ReadObjectAsync())["results"]!.AsArray();
        Assert.That(results.Select(r => r!["risks"]!.AsArray().Count), Is.EqualTo(new[] { 1, 0 }));
        Assert.That(results[0]!["risks"]![0]!["name"]!.GetValue<string>(), Is.EqualTo(CandidateRisk));
    }

    private static string WriteRules()
    {
        var path = Path.Combine(Folder.Value, "rules.json");
        File.WriteAllText(path, $$"""
            { "rules": [
              { "name": "{{CandidateRisk}}", "reason": "A civil servant naming a candidate of the watched election.",
                "when": { "anyOf": { "termLists": ["kandidat-sagara"] }, "authorRoles": ["asn"] } }
            ] }
            """);
        return path;
    }

    private JsonObject Examples(string path, string method) =>
        _document["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["examples"]!.AsObject();
}
