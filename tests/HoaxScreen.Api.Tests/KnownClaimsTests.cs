using System.Net;
using System.Text.Json.Nodes;
using HoaxScreen.Core.Claims;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Known-hoax matching in /v1/screen: with <c>Claims:Path</c> set, a post repeating a debunked claim lists it under
/// <c>knownClaims</c> and is flagged; an ordinary post lists none; a claim imported while the service runs is matched
/// without a restart. The store holds the team's claims (data/claims), the matcher is the committed models/claims.
/// </summary>
[TestFixture]
public sealed class KnownClaimsTests : ApiFixture
{
    private const string VaccinePost =
        "PENTING!! vaksin campak di posyandu katanya mengandung babi dan ada chip pelacaknya, sebarkan ke grup keluarga sebelum dihapus";

    private static readonly Lazy<string> Store = new(() =>
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hoaxscreen-known-claims-").FullName, "claims.db");
        ClaimStore.Open(path).Upsert(ClaimImport.Load(Path.Combine(RepoPaths.DataFolder, "claims", "claims.csv")).Claims);
        return path;
    });

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Claims:Path"] = Store.Value,
        ["Claims:MatcherPath"] = RepoPaths.Bundle("claims"),
        ["Claims:RefreshSeconds"] = "1",
    };

    [Test]
    public async Task Screen_PostRepeatingADebunkedClaim_ListsItAsAMatchAndFlagsThePost()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = VaccinePost });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var result = await response.ReadObjectAsync();
        var known = result["knownClaims"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(known, Is.Not.Empty);
            Assert.That(known[0]!["id"]!.GetValue<string>(), Is.EqualTo("tc-0001"));
            Assert.That(known[0]!["decision"]!.GetValue<string>(), Is.EqualTo("match"));
            Assert.That(known[0]!["rating"]!.GetValue<string>(), Is.EqualTo("false"));
            Assert.That(known[0]!["url"]!.GetValue<string>(), Does.StartWith("https://example.org/"));
            Assert.That(known, Has.Count.LessThanOrEqualTo(3));
            Assert.That(result["flagged"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public async Task ScreenBatch_OrdinaryAndRepeatingPosts_KnownClaimsPerItem()
    {
        var items = new JsonArray(
            new JsonObject { ["text"] = "selamat pagi semua, jangan lupa sarapan dan semoga hari ini lancar kerjanya" },
            new JsonObject { ["text"] = VaccinePost });

        using var response = await Client.PostJsonNodeAsync("/v1/screen/batch", new JsonObject { ["items"] = items });

        var results = (await response.ReadObjectAsync())["results"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(results[0]!["knownClaims"]!.AsArray().Select(c => c!["decision"]!.GetValue<string>()), Has.None.EqualTo("match"));
            Assert.That(results[1]!["knownClaims"]![0]!["id"]!.GetValue<string>(), Is.EqualTo("tc-0001"));
        });
    }

    [Test]
    public async Task Screen_ClaimImportedWhileServing_IsMatchedWithoutARestart()
    {
        const string post = "heboh!! katanya jembatan layang kalibata ditutup permanen mulai senin karena retak parah, sebarkan ke semua grup";
        ClaimStore.Open(Store.Value).Upsert(
        [
            new FactCheck
            {
                Id = "test-kalibata", Claim = "Jembatan layang Kalibata ditutup permanen mulai Senin karena retak", Verdict = "HOAKS",
                Rating = ClaimRating.False, Url = "https://example.org/cek-fakta/test-kalibata", ImportedAt = DateTimeOffset.UtcNow,
            },
        ]);

        string? first = null;
        for (var attempt = 0; attempt < 40 && first != "test-kalibata"; attempt++)
        {
            await Task.Delay(250);
            using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = post });
            var known = (await response.ReadObjectAsync())["knownClaims"]!.AsArray();
            first = known.Count > 0 ? known[0]!["id"]!.GetValue<string>() : null;
        }

        Assert.That(first, Is.EqualTo("test-kalibata"), "the new claim is found within 10 s of its import");
    }
}

/// <summary>Without <c>Claims:Path</c> matching is off: the service starts and results carry no <c>knownClaims</c>.</summary>
[TestFixture]
public sealed class KnownClaimsOffTests : ApiFixture
{
    [Test]
    public async Task Screen_MatchingOff_NoKnownClaimsProperty()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = "vaksin campak mengandung babi dan chip pelacak, sebarkan" });

        var result = await response.ReadObjectAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(result.ContainsKey("knownClaims"), Is.False);
        });
    }
}
