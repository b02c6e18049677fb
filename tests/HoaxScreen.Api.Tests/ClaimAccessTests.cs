using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Who may use the claims routes: searching and reading take the screening role (as /v1/screen), importing and deleting
/// the admin role; with keys off, admin routes answer only this machine. Without <c>Claims:Path</c> every claims route
/// answers 404 naming the setting.
/// </summary>
public static class ClaimAccessTests
{
    private const string Csv = "id,claim,verdict\naccess-1,Klaim untuk uji hak akses,SALAH\n";

    private static HttpRequestMessage Request(HttpMethod method, string url, string? key)
    {
        var request = new HttpRequestMessage(method, url);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }

    private static HttpRequestMessage Search(string? key)
    {
        var request = Request(HttpMethod.Post, "/v1/claims/search", key);
        request.Content = new StringContent(new JsonObject { ["text"] = ClaimStores.VaccinePost }.ToJsonString(), new MediaTypeHeaderValue("application/json"));
        return request;
    }

    private static HttpRequestMessage Import(string? key)
    {
        var request = Request(HttpMethod.Post, "/admin/claims", key);
        request.Content = new StringContent(Csv, new MediaTypeHeaderValue("text/csv"));
        return request;
    }

    /// <summary>API keys on: a screening key and an admin key.</summary>
    [TestFixture]
    public sealed class KeysOn : ApiFixture
    {
        private readonly string _store = ClaimStores.CreateTeamStore();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(ClaimStores.Settings(_store))
        {
            ["Security:ApiKeys:0:Key"] = ApiKeyTests.ScreeningKey,
            ["Security:ApiKeys:0:Role"] = "screening",
            ["Security:ApiKeys:1:Key"] = ApiKeyTests.AdminKey,
            ["Security:ApiKeys:1:Role"] = "admin",
        };

        [TestCase(ApiKeyTests.ScreeningKey, HttpStatusCode.OK)]
        [TestCase(ApiKeyTests.AdminKey, HttpStatusCode.OK)]
        [TestCase(null, HttpStatusCode.Unauthorized)]
        [TestCase("wrong-key-0123456789abcdef", HttpStatusCode.Unauthorized)]
        public async Task SearchAndRead_ByKey_ScreeningRoleSuffices(string? key, HttpStatusCode expected)
        {
            using var search = await Client.SendAsync(Search(key));
            using var read = await Client.SendAsync(Request(HttpMethod.Get, "/v1/claims/tc-0001", key));

            Assert.Multiple(() =>
            {
                Assert.That(search.StatusCode, Is.EqualTo(expected));
                Assert.That(read.StatusCode, Is.EqualTo(expected));
            });
        }

        [TestCase(ApiKeyTests.ScreeningKey, HttpStatusCode.Forbidden)]
        [TestCase(null, HttpStatusCode.Unauthorized)]
        public async Task ImportAndDelete_WithoutAdminKey_RefusedAndNothingChanges(string? key, HttpStatusCode expected)
        {
            using var import = await Client.SendAsync(Import(key));
            using var delete = await Client.SendAsync(Request(HttpMethod.Delete, "/admin/claims/tc-0002", key));
            using var stillThere = await Client.SendAsync(Request(HttpMethod.Get, "/v1/claims/tc-0002", ApiKeyTests.AdminKey));
            using var notAdded = await Client.SendAsync(Request(HttpMethod.Get, "/v1/claims/access-1", ApiKeyTests.AdminKey));

            await ApiKeyTests.AssertProblemAsync(import, expected);
            await ApiKeyTests.AssertProblemAsync(delete, expected);
            Assert.Multiple(() =>
            {
                Assert.That(stillThere.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(notAdded.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            });
        }

        [Test]
        public async Task ImportAndDelete_AdminKey_Allowed()
        {
            using var import = await Client.SendAsync(Import(ApiKeyTests.AdminKey));
            using var delete = await Client.SendAsync(Request(HttpMethod.Delete, "/admin/claims/access-1", ApiKeyTests.AdminKey));

            Assert.Multiple(() =>
            {
                Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            });
        }
    }

    /// <summary>Keys off, the caller on another machine: reading is open, changing is not.</summary>
    [TestFixture]
    public sealed class KeysOffFromElsewhere : ApiFixture
    {
        private readonly string _store = ClaimStores.CreateTeamStore();

        protected override IReadOnlyDictionary<string, string?> Settings => ClaimStores.Settings(_store);

        protected override IPAddress InMemoryRemoteAddress => IPAddress.Parse("203.0.113.7");

        [Test]
        public async Task Search_FromAnotherMachine_Answers()
        {
            using var response = await Client.SendAsync(Search(null));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        [Test]
        public async Task ImportAndDelete_FromAnotherMachine_Returns403NamingTheSetting()
        {
            using var import = await Client.SendAsync(Import(null));
            using var delete = await Client.SendAsync(Request(HttpMethod.Delete, "/admin/claims/tc-0002", null));

            var problem = await ApiKeyTests.AssertProblemAsync(import, HttpStatusCode.Forbidden);
            await ApiKeyTests.AssertProblemAsync(delete, HttpStatusCode.Forbidden);
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Security:ApiKeys"));
        }
    }

    /// <summary>No <c>Claims:Path</c>: matching is off, and so is every claims route.</summary>
    [TestFixture]
    public sealed class MatchingOff : ApiFixture
    {
        [Test]
        public async Task EveryClaimsRoute_MatchingOff_Returns404SayingClaimsPathIsNotConfigured()
        {
            var requests = new[]
            {
                Search(null),
                Request(HttpMethod.Get, "/v1/claims/tc-0001", null),
                Import(null),
                Request(HttpMethod.Delete, "/admin/claims/tc-0001", null),
            };

            foreach (var request in requests)
            {
                using var response = await Client.SendAsync(request);
                var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.NotFound);
                Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Claims:Path is not configured"), $"{request.Method} {request.RequestUri}");
                request.Dispose();
            }
        }
    }
}
