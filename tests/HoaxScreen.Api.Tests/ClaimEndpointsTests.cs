using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HoaxScreen.Api.Claims;
using HoaxScreen.Core.Claims;
using Microsoft.Extensions.DependencyInjection;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// The claims routes with matching on: <c>POST /v1/claims/search</c>, <c>GET /v1/claims/{id}</c>, admin
/// <c>POST /admin/claims</c> and <c>DELETE /admin/claims/{id}</c> (keys off, caller on this machine). The store watch
/// runs hourly here, so every change seen at once is the admin route's own rebuild.
/// </summary>
[TestFixture]
public sealed class ClaimEndpointsTests : ApiFixture
{
    private const string Import = "/admin/claims";
    private const int MaxImportBytes = 65_536;
    private readonly string _store = ClaimStores.CreateTeamStore();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(ClaimStores.Settings(_store))
    {
        // Far below a claims file: the import route has its own limit.
        ["Limits:MaxRequestBodyBytes"] = "16384",
        ["Claims:MaxImportBytes"] = MaxImportBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private ClaimStore Store => Factory.Services.GetRequiredService<ClaimMatcherHolder>().Store!;

    // ---- search --------------------------------------------------------------------------------------------------

    [Test]
    public async Task SearchClaims_PostRepeatingADebunk_ListsCandidatesBestFirstWithTheirDecisions()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/claims/search", new JsonObject { ["text"] = ClaimStores.VaccinePost });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var matches = (await response.ReadObjectAsync())["matches"]!.AsArray();
        var scores = matches.Select(m => m!["score"]!.GetValue<double>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(matches, Has.Count.InRange(2, ClaimSearchRequest.DefaultTop));
            Assert.That(matches[0]!["id"]!.GetValue<string>(), Is.EqualTo("tc-0001"));
            Assert.That(matches[0]!["decision"]!.GetValue<string>(), Is.EqualTo("match"));
            Assert.That(matches[0]!["verdict"]!.GetValue<string>(), Is.EqualTo("HOAKS"));
            Assert.That(matches[0]!["url"]!.GetValue<string>(), Is.EqualTo("https://example.org/cek-fakta/tc-0001"));
            Assert.That(scores, Is.Ordered.Descending);
            Assert.That(matches.Skip(1).Select(m => m!["decision"]!.GetValue<string>()), Has.All.AnyOf("suggest", "none"));
            Assert.That(matches.Select(m => m!["decision"]!.GetValue<string>()), Does.Contain("none"), "a search lists candidates below suggest too");
        });
    }

    [Test]
    public async Task SearchClaims_TopOne_ListsOnlyTheBest()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/claims/search", new JsonObject { ["text"] = ClaimStores.VaccinePost, ["top"] = 1 });

        var matches = (await response.ReadObjectAsync())["matches"]!.AsArray();
        Assert.That(matches.Select(m => m!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "tc-0001" }));
    }

    [Test]
    public async Task SearchClaims_NoWordInCommon_ReturnsNoMatches()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/claims/search", new JsonObject { ["text"] = "qwxz zzvv ppqq" });

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await response.ReadObjectAsync())["matches"]!.AsArray(), Is.Empty);
        });
    }

    [TestCase("{}", "text")]
    [TestCase("{\"text\": \"   \"}", "text")]
    [TestCase("{\"text\": \"vaksin\", \"top\": 0}", "top")]
    [TestCase("{\"text\": \"vaksin\", \"top\": 21}", "top")]
    [TestCase("{\"text\": \"vaksin\", \"top\": \"lima\"}", "top")]
    public async Task SearchClaims_InvalidRequest_Returns400NamingTheField(string body, string field)
    {
        using var response = await Client.PostRawAsync("/v1/claims/search", body);

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task SearchClaims_TextOverTheScreeningLimit_Returns400()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/claims/search", new JsonObject { ["text"] = HttpTestExtensions.Repeat('a', 10_001) });

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["text"]![0]!.GetValue<string>(), Does.Contain("10000"));
    }

    // ---- read ----------------------------------------------------------------------------------------------------

    [Test]
    public async Task GetClaim_KnownId_ReturnsTheWholeRecord()
    {
        using var response = await Client.GetAsync("/v1/claims/tc-0001");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var record = await response.ReadObjectAsync();
        Assert.Multiple(() =>
        {
            Assert.That(record.Select(p => p.Key), Is.EquivalentTo(new[]
            {
                "id", "claim", "verdict", "rating", "url", "publisher", "published", "language", "text", "importedAt",
            }));
            Assert.That(record["id"]!.GetValue<string>(), Is.EqualTo("tc-0001"));
            Assert.That(record["claim"]!.GetValue<string>(), Is.EqualTo("Vaksin campak mengandung babi dan chip pelacak"));
            Assert.That(record["rating"]!.GetValue<string>(), Is.EqualTo("false"));
            Assert.That(record["language"]!.GetValue<string>(), Is.EqualTo("id"));
            Assert.That(record["published"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d{2}-\d{2}$"));
            Assert.That(record["text"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(DateTimeOffset.Parse(record["importedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), Is.LessThanOrEqualTo(DateTimeOffset.UtcNow));
        });
    }

    [Test]
    public async Task GetClaim_UnknownId_Returns404Problem()
    {
        using var response = await Client.GetAsync("/v1/claims/tidak-ada-0000");

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("tidak-ada-0000"));
    }

    [TestCase("/v1/claims/https%3A%2F%2Fexample.org%2Fcek%2Furl-id-1", TestName = "GetClaim_UrlIdPercentEncoded_ReturnsTheRecord")]
    [TestCase("/v1/claims/https:%2F%2Fexample.org%2Fcek%2Furl-id-1", TestName = "GetClaim_UrlIdSlashesEncoded_ReturnsTheRecord")]
    [TestCase("/v1/claims/https://example.org/cek/url-id-1", TestName = "GetClaim_UrlIdAsItIs_ReturnsTheRecord")]
    public async Task GetClaim_UrlId_ReturnsTheRecord(string url)
    {
        await ImportCsvAsync("id,claim,verdict\nhttps://example.org/cek/url-id-1,Klaim dengan URL sebagai id,SALAH\n");

        using var response = await Client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadObjectAsync())["id"]!.GetValue<string>(), Is.EqualTo("https://example.org/cek/url-id-1"));
    }

    [TestCase("GET", "/v1/claims/")]
    [TestCase("GET", "/v1/claims")]
    [TestCase("DELETE", "/admin/claims/")]
    [TestCase("DELETE", "/admin/claims")]
    public async Task ClaimRoute_WithoutAnId_Returns400NamingId(string method, string url)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { "id" }));
    }

    // ---- import --------------------------------------------------------------------------------------------------

    [Test]
    public async Task ImportClaims_NewClaim_CountsItAndScreeningMatchesItAtOnce()
    {
        const string post = "heboh!! katanya menara air kota contoh roboh tadi malam dan airnya tercemar racun, jangan minum air ledeng, sebarkan";
        var before = Store.Revision;

        var result = await ImportCsvAsync(
            "id,claim,verdict,url,publisher,published\n" +
            "api-menara,Menara air Kota Contoh roboh dan air ledeng tercemar racun,HOAKS,https://example.org/cek/api-menara,Tim Uji,2024-06-01\n");
        using var screened = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = post });

        var known = (await screened.ReadObjectAsync())["knownClaims"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(result["format"]!.GetValue<string>(), Is.EqualTo("csv"));
            Assert.That(result["read"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(result["added"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(result["updated"]!.GetValue<int>(), Is.Zero);
            Assert.That(result["unchanged"]!.GetValue<int>(), Is.Zero);
            Assert.That(result["total"]!.GetValue<long>(), Is.EqualTo(Store.Count));
            Assert.That(result["revision"]!.GetValue<long>(), Is.EqualTo(before + 1));
            Assert.That(known.Select(k => k!["id"]!.GetValue<string>()), Does.Contain("api-menara"), "matched without waiting for the hourly watch");
        });
    }

    [Test]
    public async Task ImportClaims_SameFileTwice_SecondChangesNothing()
    {
        const string csv = "id,claim,verdict\napi-twice-1,Klaim yang diimpor dua kali,SALAH\napi-twice-2,Klaim kedua yang diimpor dua kali,SALAH\n";
        var first = await ImportCsvAsync(csv);

        var second = await ImportCsvAsync(csv);

        Assert.Multiple(() =>
        {
            Assert.That(second["unchanged"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(second["added"]!.GetValue<int>() + second["updated"]!.GetValue<int>(), Is.Zero);
            Assert.That(second["revision"]!.GetValue<long>(), Is.EqualTo(first["revision"]!.GetValue<long>()));
        });
    }

    [TestCase("good.csv", "text/csv", null, "csv")]
    [TestCase("good.jsonl", "application/x-ndjson", null, "jsonl")]
    [TestCase("good.jsonl", "application/jsonl", null, "jsonl")]
    [TestCase("claimreview.json", "application/ld+json", null, "claimreview")]
    [TestCase("claimreview.json", "application/json", null, "claimreview")]
    [TestCase("google.json", "application/json", null, "google")]
    [TestCase("mafindo.json", "application/json", null, "mafindo")]
    [TestCase("good.csv", "application/octet-stream", "csv", "csv")]
    [TestCase("google.json", "application/json", "google", "google")]
    [TestCase("good.jsonl", "text/csv; charset=utf-8", "jsonl", "jsonl")]
    public async Task ImportClaims_EachFormat_ReadsEveryRecord(string file, string contentType, string? format, string expected)
    {
        var path = ClaimStores.Fixture(file);
        var batch = ClaimImport.Load(path, ClaimFormats.Parse(expected));

        using var response = await PostFileAsync(File.ReadAllBytes(path), contentType, format);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var result = await response.ReadObjectAsync();
        Assert.Multiple(() =>
        {
            Assert.That(result["format"]!.GetValue<string>(), Is.EqualTo(expected));
            Assert.That(result["read"]!.GetValue<int>(), Is.EqualTo(batch.Records));
            Assert.That(result["added"]!.GetValue<int>() + result["updated"]!.GetValue<int>() + result["unchanged"]!.GetValue<int>(), Is.EqualTo(batch.Claims.Count));
            Assert.That(Store.Get(batch.Claims[0].Id), Is.Not.Null);
        });
    }

    [Test]
    public async Task ImportClaims_BadRecordOnLine3_Returns422NamingTheLineAndChangesNothing()
    {
        var revision = Store.Revision;
        var count = Store.Count;
        var csv = "id,claim,verdict,published\napi-bad-1,Klaim yang baik,SALAH,2024-01-02\napi-bad-2,Klaim dengan tanggal salah,SALAH,2024-13-45\n";

        using var response = await PostFileAsync(Encoding.UTF8.GetBytes(csv), "text/csv");

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Multiple(() =>
        {
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("line 3").And.Contain("2024-13-45").And.Contain("unchanged"));
            Assert.That(problem["line"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(Store.Get("api-bad-1"), Is.Null, "the good record before the bad one is not written either");
            Assert.That(Store.Revision, Is.EqualTo(revision));
            Assert.That(Store.Count, Is.EqualTo(count));
        });
    }

    [TestCase("broken.jsonl", "application/x-ndjson")]
    [TestCase("google-missing-url.json", "application/json")]
    [TestCase("claimreview-missing-claim.json", "application/ld+json")]
    [TestCase("missing-claim.csv", "text/csv")]
    public async Task ImportClaims_BadFixture_Returns422AndChangesNothing(string file, string contentType)
    {
        var revision = Store.Revision;

        using var response = await PostFileAsync(File.ReadAllBytes(ClaimStores.Fixture(file)), contentType);

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Multiple(() =>
        {
            Assert.That(problem["detail"]!.GetValue<string>(), Does.StartWith("The file was not imported").And.Not.Contain("body:"));
            Assert.That(Store.Revision, Is.EqualTo(revision));
        });
    }

    [Test]
    public async Task ImportClaims_JsonOfNoKnownKind_Returns422AskingForTheFormat()
    {
        using var response = await PostFileAsync("{\"hello\": 1}"u8.ToArray(), "application/json");

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("cannot tell which kind of JSON"));
    }

    [TestCase("xlsx", "application/octet-stream", TestName = "ImportClaims_UnknownFormat_Returns400NamingFormat")]
    [TestCase(null, "application/octet-stream", TestName = "ImportClaims_OctetStreamWithoutFormat_Returns400NamingFormat")]
    public async Task ImportClaims_FormatProblem_Returns400NamingFormat(string? format, string contentType)
    {
        using var response = await PostFileAsync(File.ReadAllBytes(ClaimStores.Fixture("good.csv")), contentType, format);

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(HttpTestExtensions.ErrorKeys(problem), Is.EqualTo(new[] { "format" }));
    }

    /// <summary>What a page elsewhere can make a browser send without a preflight, or a body declared as nothing.</summary>
    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("multipart/form-data; boundary=x")]
    [TestCase(null)]
    public async Task ImportClaims_ContentTypeAFormCanSend_Returns415AndChangesNothing(string? contentType)
    {
        var revision = Store.Revision;

        using var response = await PostFileAsync("id,claim\napi-forged,Klaim palsu\n"u8.ToArray(), contentType);

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Multiple(() =>
        {
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("text/csv"));
            Assert.That(Store.Get("api-forged"), Is.Null);
            Assert.That(Store.Revision, Is.EqualTo(revision));
        });
    }

    [Test]
    public async Task ImportClaims_CharsetOtherThanUtf8_Returns415()
    {
        using var response = await PostFileAsync("id,claim\napi-latin,Klaim\n"u8.ToArray(), "text/csv; charset=iso-8859-1");

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("UTF-8"));
    }

    [Test]
    public async Task ImportClaims_InvalidUtf8_Returns400()
    {
        byte[] body = [.. "id,claim\napi-bytes,Klaim "u8, 0xC3, 0x28, (byte)'\n'];

        using var response = await PostFileAsync(body, "text/csv");

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("UTF-8"));
    }

    [Test]
    public async Task ImportClaims_EmptyBody_Returns400()
    {
        using var response = await PostFileAsync([], "text/csv");

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("empty"));
    }

    [Test]
    public async Task ImportClaims_FileLargerThanTheRequestLimit_IsImportedUnderItsOwnLimit()
    {
        var csv = GeneratedCsv("api-big", 300);
        Assert.That(csv.Length, Is.GreaterThan(16384).And.LessThan(MaxImportBytes));

        using var response = await PostFileAsync(csv, "text/csv");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadObjectAsync())["read"]!.GetValue<int>(), Is.EqualTo(300));
    }

    [TestCase(false, TestName = "ImportClaims_OverMaxImportBytesDeclared_Returns413NamingTheSetting")]
    [TestCase(true, TestName = "ImportClaims_OverMaxImportBytesChunked_Returns413NamingTheSetting")]
    public async Task ImportClaims_OverMaxImportBytes_Returns413NamingTheSetting(bool chunked)
    {
        var csv = GeneratedCsv("api-huge", 2_000);
        Assert.That(csv.Length, Is.GreaterThan(MaxImportBytes));
        var revision = Store.Revision;

        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(csv)) : new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await Client.PostAsync(Import, content);

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Multiple(() =>
        {
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Claims:MaxImportBytes"));
            Assert.That(Store.Revision, Is.EqualTo(revision));
        });
    }

    [Test]
    public async Task ScreenAndSearch_OverTheRequestLimit_StillRefusedBySharedLimit()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/claims/search", new JsonObject { ["text"] = HttpTestExtensions.Repeat('a', 20_000) });

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Limits:MaxRequestBodyBytes"));
    }

    // ---- delete --------------------------------------------------------------------------------------------------

    [Test]
    public async Task DeleteClaim_KnownId_Returns204AndItIsGoneFromReadsAndMatchingAtOnce()
    {
        const string post = "awas!! gerhana matahari besok bikin ponsel yang sedang diisi daya meledak, cabut charger kalian, sebarkan ke grup";
        await ImportCsvAsync("id,claim,verdict\napi-gerhana,Gerhana matahari membuat ponsel yang sedang diisi daya meledak,HOAKS\n");
        Assert.That(await CandidateIdsAsync(post), Does.Contain("api-gerhana"), "a candidate before the delete");

        using var deleted = await Client.DeleteAsync("/admin/claims/api-gerhana");
        using var read = await Client.GetAsync("/v1/claims/api-gerhana");

        Assert.Multiple(async () =>
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await CandidateIdsAsync(post), Does.Not.Contain("api-gerhana"));
        });
    }

    [Test]
    public async Task DeleteClaim_UnknownId_Returns404AndKeepsTheRevision()
    {
        var revision = Store.Revision;

        using var response = await Client.DeleteAsync("/admin/claims/tidak-ada-0000");

        await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.That(Store.Revision, Is.EqualTo(revision));
    }

    [Test]
    public async Task DeleteClaim_UrlIdPercentEncoded_Deletes()
    {
        await ImportCsvAsync("id,claim\nhttps://example.org/cek/url-id-del,Klaim yang akan dihapus\n");

        using var response = await Client.DeleteAsync("/admin/claims/https%3A%2F%2Fexample.org%2Fcek%2Furl-id-del");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(Store.Get("https://example.org/cek/url-id-del"), Is.Null);
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private async Task<JsonObject> ImportCsvAsync(string csv)
    {
        using var response = await PostFileAsync(Encoding.UTF8.GetBytes(csv), "text/csv");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    private Task<HttpResponseMessage> PostFileAsync(byte[] body, string? contentType, string? format = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return Client.PostAsync(format is null ? Import : $"{Import}?format={Uri.EscapeDataString(format)}", content);
    }

    private async Task<IReadOnlyList<string>> CandidateIdsAsync(string post)
    {
        using var response = await Client.PostJsonNodeAsync("/v1/claims/search", new JsonObject { ["text"] = post });
        return [.. (await response.ReadObjectAsync())["matches"]!.AsArray().Select(k => k!["id"]!.GetValue<string>())];
    }

    private static byte[] GeneratedCsv(string prefix, int rows)
    {
        var csv = new StringBuilder("id,claim,verdict,url\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}-{i},Klaim buatan nomor {i} tentang jembatan dan banjir,SALAH,https://example.org/cek/{prefix}-{i}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>A body whose length is not declared (sent chunked over a socket).</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
