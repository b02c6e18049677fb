using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using HoaxScreen.Api.Claims;
using HoaxScreen.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Imports and deletes through the admin routes while many posts are screened at once: every screening answer is a
/// whole 200 result, none is lost, a post repeating a claim that was never touched keeps matching it throughout (no
/// request sees a half-built matcher), and once the imports are done a post repeating a new claim gets it.
/// </summary>
[TestFixture]
public sealed class ClaimImportWhileScreeningTests : ApiFixture
{
    private const int Rounds = 8;
    private const int ClaimsPerRound = 25;
    private const int Workers = 16;
    private const int MinimumScreens = 300;

    private const string OrdinaryPost = "selamat pagi semua, jangan lupa sarapan dan semoga hari ini lancar kerjanya";
    private const string NewClaimPost =
        "heboh!! katanya menara air kota contoh roboh tadi malam dan airnya tercemar racun, jangan minum air ledeng, sebarkan";

    private readonly string _store = ClaimStores.CreateTeamStore();

    // The watcher runs too (every second), so its rebuilds race the admin routes' own.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(ClaimStores.Settings(_store))
    {
        ["Claims:RefreshSeconds"] = "1",
    };

    [Test]
    public async Task Screen_WhileAdminImportsAndDeletes_EveryAnswerWholeNoneLostAndTheNewClaimMatched()
    {
        var before = Factory.Services.GetRequiredService<ClaimMatcherHolder>().Store!.Count;
        var failures = new ConcurrentQueue<string>();
        var answered = 0;
        var sent = 0;
        var adminDone = false;

        async Task ScreenLoopAsync(int worker)
        {
            for (var i = 0; !Volatile.Read(ref adminDone) || Volatile.Read(ref sent) < MinimumScreens; i++)
            {
                Interlocked.Increment(ref sent);
                var repeats = (worker + i) % 2 == 0;
                var id = $"w{worker}-{i}";
                using var response = await Client.PostJsonNodeAsync(
                    "/v1/screen", new JsonObject { ["id"] = id, ["text"] = repeats ? ClaimStores.VaccinePost : OrdinaryPost });
                var text = await response.Content.ReadAsStringAsync();
                Interlocked.Increment(ref answered);
                if (Check(response.StatusCode, text, id, repeats) is { } problem)
                {
                    failures.Enqueue(problem);
                }
            }
        }

        async Task AdminLoopAsync()
        {
            try
            {
                for (var round = 0; round < Rounds; round++)
                {
                    using var import = await PostCsvAsync(GeneratedCsv(round));
                    var body = await import.Content.ReadAsStringAsync();
                    if (import.StatusCode != HttpStatusCode.OK || JsonNode.Parse(body)!["added"]!.GetValue<int>() != ClaimsPerRound)
                    {
                        failures.Enqueue($"import {round}: {(int)import.StatusCode} {body}");
                    }

                    using var delete = await Client.DeleteAsync($"/admin/claims/conc-{round}-0");
                    if (delete.StatusCode != HttpStatusCode.NoContent)
                    {
                        failures.Enqueue($"delete {round}: {(int)delete.StatusCode}");
                    }
                }

                using var final = await PostCsvAsync(
                    "id,claim,verdict,url\nconc-menara,Menara air Kota Contoh roboh dan air ledeng tercemar racun,HOAKS,https://example.org/cek/conc-menara\n");
                if (final.StatusCode != HttpStatusCode.OK)
                {
                    failures.Enqueue($"final import: {(int)final.StatusCode}");
                }
            }
            finally
            {
                Volatile.Write(ref adminDone, true);
            }
        }

        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(() => ScreenLoopAsync(w))).ToList();
        await Task.WhenAll([.. workers, Task.Run(AdminLoopAsync)]);
        await TestContext.Out.WriteLineAsync($"{sent} posts screened by {Workers} workers around {Rounds} imports and deletes");

        using var after = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = NewClaimPost });
        var known = (await after.ReadObjectAsync())["knownClaims"]!.AsArray().Select(k => k!["id"]!.GetValue<string>());
        var store = Factory.Services.GetRequiredService<ClaimMatcherHolder>();
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(answered, Is.EqualTo(sent), "every request was answered");
            Assert.That(sent, Is.GreaterThanOrEqualTo(MinimumScreens));
            Assert.That(known, Does.Contain("conc-menara"));
            Assert.That(store.Store!.Count, Is.EqualTo(before + (Rounds * (ClaimsPerRound - 1)) + 1));
            Assert.That(store.Current!.Count, Is.EqualTo(store.Store!.Count), "the matcher serves the store as it is now");
        });
    }

    /// <summary>Null when the answer is a whole screening result; otherwise what is wrong with it.</summary>
    private static string? Check(HttpStatusCode status, string text, string id, bool repeats)
    {
        if (status != HttpStatusCode.OK)
        {
            return $"{id}: {(int)status} {text}";
        }

        try
        {
            var result = JsonNode.Parse(text)!.AsObject();
            var known = result["knownClaims"]!.AsArray();
            if (result["id"]!.GetValue<string>() != id || result["labels"]!.AsObject().Count != ShippedLabels.All.Length || string.IsNullOrEmpty(result["model"]!.GetValue<string>()))
            {
                return $"{id}: incomplete result {text}";
            }

            if (repeats && (known.Count == 0 || known[0]!["id"]!.GetValue<string>() != "tc-0001" || known[0]!["decision"]!.GetValue<string>() != "match"))
            {
                return $"{id}: the repeated claim tc-0001 was not the match: {known.ToJsonString()}";
            }

            return null;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NullReferenceException or InvalidOperationException)
        {
            return $"{id}: malformed {text}";
        }
    }

    private Task<HttpResponseMessage> PostCsvAsync(string csv)
    {
        var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return Client.PostAsync("/admin/claims", content);
    }

    /// <summary>Claims on subjects no test post mentions (so they only add to the index).</summary>
    private static string GeneratedCsv(int round)
    {
        var csv = new StringBuilder("id,claim,verdict,url\n");
        for (var i = 0; i < ClaimsPerRound; i++)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"conc-{round}-{i},Kereta gantung wisata nomor {round}{i} di Lembah Contoh berhenti beroperasi selamanya,SALAH,https://example.org/cek/conc-{round}-{i}\n");
        }

        return csv.ToString();
    }
}
