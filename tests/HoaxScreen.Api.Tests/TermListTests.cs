using System.Net;
using System.Text.Json.Nodes;
using HoaxScreen.Core.TermLists;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Deployment term lists over HTTP: an admin stores a list, screening reports its terms however disguised at the
/// characters of the original post, a flagging list flags the post, and a list changed in the store by another
/// replica is used without a restart.
/// </summary>
[TestFixture]
public sealed class TermListTests : ApiFixture
{
    private static readonly Lazy<string> Store = new(() => Path.Combine(Directory.CreateTempSubdirectory("hoaxscreen-termlists-api-").FullName, "termlists.db"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TermLists:Path"] = Store.Value,
        ["TermLists:RefreshSeconds"] = "1",
    };

    private Task<HttpResponseMessage> PutListAsync(string name, JsonNode body) =>
        Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/admin/termlists/{name}")
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        });

    [Test]
    public async Task Screen_DisguisedTermOfAFlaggingList_ReportedAtTheOriginalCharactersAndFlagged()
    {
        using (var put = await PutListAsync("slurs", new JsonObject { ["terms"] = new JsonArray("kafir", "cebong"), ["flag"] = true }))
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        const string post = "selamat pagi warga, yg k a f i r minggir dulu";
        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = post });

        var result = await response.ReadObjectAsync();
        var match = result["termMatches"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(match["list"]!.GetValue<string>(), Is.EqualTo("slurs"));
            Assert.That(match["term"]!.GetValue<string>(), Is.EqualTo("kafir"));
            Assert.That(post.Substring(match["start"]!.GetValue<int>(), match["length"]!.GetValue<int>()), Is.EqualTo("k a f i r"));
            Assert.That(result["flagged"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public async Task Screen_TermOfAReportOnlyList_ReportedWithoutFlagging()
    {
        using (await PutListAsync("paslon", new JsonObject { ["terms"] = new JsonArray("Hendra Wijaya"), ["flag"] = false }))
        {
        }

        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = "debat semalam #HendraWijaya bicara soal pasar tradisional" });

        var result = await response.ReadObjectAsync();
        Assert.That(result["termMatches"]!.AsArray().Select(m => m!["list"]!.GetValue<string>()), Is.EqualTo(new[] { "paslon" }));
        Assert.That(result["flagged"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Screen_ListWrittenByAnotherReplica_UsedWithinSeconds()
    {
        TermListStore.Open(Store.Value).Put(new TermList("minggu-ini", ["tsunami susulan"], Flag: true));
        const string post = "katanya bakal ada tsunami susulan jam 3 sore, info dr grup sebelah";

        var found = false;
        for (var attempt = 0; attempt < 50 && !found; attempt++)
        {
            using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = post });
            found = (await response.ReadObjectAsync())["termMatches"]!.AsArray().Any(m => m!["list"]!.GetValue<string>() == "minggu-ini");
            if (!found)
            {
                await Task.Delay(200);
            }
        }

        Assert.That(found, Is.True, "the store watch rebuilds the matcher when the store's revision moves");
    }

    [Test]
    public async Task GetAndDelete_StoredList_RoundTrip()
    {
        using (await PutListAsync("hapus-aku", new JsonObject { ["terms"] = new JsonArray(" satu ", "dua", "satu"), ["flag"] = true }))
        {
        }

        using var get = await Client.GetAsync("/admin/termlists/hapus-aku");
        var list = await get.ReadObjectAsync();
        using var delete = await Client.DeleteAsync("/admin/termlists/hapus-aku");
        using var again = await Client.GetAsync("/admin/termlists/hapus-aku");

        Assert.Multiple(() =>
        {
            Assert.That(list["terms"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "satu", "dua" }));
            Assert.That(list["flag"]!.GetValue<bool>(), Is.True);
            Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [TestCase("BAD NAME", """{ "terms": ["x"] }""", "name")]
    [TestCase("ok", """{ "flag": true }""", "terms")]
    [TestCase("ok", """{ "terms": ["x", "  "] }""", "terms[1]")]
    public async Task Put_BadList_400NamingTheField(string name, string body, string field)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/admin/termlists/{Uri.EscapeDataString(name)}")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.ReadObjectAsync();
        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Does.Contain(field));
    }
}

/// <summary>While <c>TermLists:Path</c> is not configured the routes do not exist for this service, and responses carry no termMatches.</summary>
[TestFixture]
public sealed class TermListsOffTests : ApiFixture
{
    [Test]
    public async Task TermListRoutes_ListsOff_404SayingWhatToConfigure()
    {
        using var response = await Client.GetAsync("/admin/termlists");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await response.ReadObjectAsync())["detail"]!.GetValue<string>(), Does.Contain("TermLists:Path"));
    }

    [Test]
    public async Task Screen_ListsOff_NoTermMatchesProperty()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = "kafir semua" });

        Assert.That((await response.ReadObjectAsync()).ContainsKey("termMatches"), Is.False);
    }
}
