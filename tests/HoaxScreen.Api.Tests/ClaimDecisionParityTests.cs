using System.Net;
using System.Text.Json.Nodes;
using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Text;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// The service and the library decide alike: posts of data/claims/pairs.csv (repeats, related and unrelated posts) get
/// through /v1/screen/batch exactly the known claims <see cref="ClaimMatcher.Match"/> gives them over the same store,
/// matcher and normaliser. The score CLI is held to <see cref="ClaimMatcher.Match"/> in ScoreClaimsTests, so CLI and
/// HTTP agree too. The store is this fixture's own: no other test changes it.
/// </summary>
[TestFixture]
public sealed class ClaimDecisionParityTests : ApiFixture
{
    private static readonly Lazy<string> Store = new(ClaimStores.CreateTeamStore);

    protected override IReadOnlyDictionary<string, string?> Settings => ClaimStores.Settings(Store.Value);

    [Test]
    public async Task ScreenBatch_TeamPairPosts_SameDecisionsAsTheMatcherLibrary()
    {
        var posts = new List<string>();
        using (var reader = CsvRecordReader.Open(Path.Combine(RepoPaths.DataFolder, "claims", "pairs.csv")))
        {
            reader.ReadRecord();
            for (var row = 0; reader.ReadRecord() is { } record; row++)
            {
                if (row % 8 == 0)
                {
                    posts.Add(record[0]);
                }
            }
        }

        var manifest = ModelBundle.ReadManifest(RepoPaths.DefaultModel);
        var matcher = ClaimMatcher.Load(
            RepoPaths.Bundle("claims"), ClaimStore.Open(Store.Value).Snapshot().Claims, TextNormalizer.ForBundle(RepoPaths.DefaultModel, manifest.Normalizer));
        var decided = 0;
        foreach (var chunk in posts.Chunk(50))
        {
            var items = new JsonArray([.. chunk.Select(text => (JsonNode)new JsonObject { ["text"] = text })]);
            using var response = await Client.PostJsonNodeAsync("/v1/screen/batch", new JsonObject { ["items"] = items });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var results = (await response.ReadObjectAsync())["results"]!.AsArray();
            for (var i = 0; i < chunk.Length; i++)
            {
                var expected = matcher.Match(chunk[i], 3).Select(m => $"{m.Claim.Id}:{m.Decision.ToString().ToLowerInvariant()}").ToList();
                var served = results[i]!["knownClaims"]?.AsArray().Select(c => $"{c!["id"]}:{c["decision"]}").ToList() ?? [];
                Assert.That(served, Is.EqualTo(expected), chunk[i]);
                decided += expected.Count > 0 ? 1 : 0;
            }
        }

        Assert.That(decided, Is.GreaterThan(posts.Count / 4), "the posts exercise matches and suggestions, not only none");
    }
}
