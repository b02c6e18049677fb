using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using HoaxScreen.Api.Options;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// Two real service processes on one PostgreSQL database (<c>ConnectionStrings:HoaxScreen</c>), as two replicas behind a
/// load balancer: a claim imported or a term list changed through one is used by the other's scoring without a restart.
/// The delay is measured and written to the test output (no timing is asserted; the wait gives up after 60 s).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SharedDatabaseProcessTests
{
    private const string Post = "heboh!! katanya jembatan layang kalibata ditutup permanen mulai senin karena retak parah, sebarkan ke semua grup";

    private readonly List<Process> _processes = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [SetUp]
    public void RequireBuiltService()
    {
        if (!File.Exists(ServiceProcess.ApiAssembly))
        {
            Assert.Ignore($"{ServiceProcess.ApiAssembly} is not built");
        }
    }

    [TearDown]
    public void StopProcesses()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }

        _processes.Clear();
    }

    [OneTimeTearDown]
    public void DisposeClient() => _http.Dispose();

    [Test]
    public void Defaults_RefreshSeconds_LeaveRoomToReachEveryReplicaWithinFiveSeconds() =>
        Assert.That((new ClaimsOptions().RefreshSeconds, new TermListsOptions().RefreshSeconds), Is.EqualTo((2, 2)));

    /// <summary>A new claim, then its verdict changed four times: each time through A, waited for in B's results.</summary>
    [Test]
    public async Task TwoProcesses_ClaimImportedThroughOne_UsedByTheOthersScoringWithoutARestart()
    {
        var database = TestPostgres.NewDatabase();
        var (a, b) = (await StartAsync(database), await StartAsync(database));
        Assert.That(await KnownVerdictAsync(b), Is.Null, "not known before the import");

        var delays = new List<TimeSpan>();
        foreach (var verdict in new[] { "HOAKS", "SALAH", "HOAKS", "SALAH", "HOAKS" })
        {
            using var import = new StringContent(
                $"id,claim,verdict,url\npg-kalibata,Jembatan layang Kalibata ditutup permanen mulai Senin karena retak,{verdict},https://example.org/cek-fakta/pg-kalibata\n",
                System.Text.Encoding.UTF8, "text/csv");
            using (var imported = await _http.PostAsync($"{a}/admin/claims", import))
            {
                Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK), await imported.Content.ReadAsStringAsync());
            }

            delays.Add(await WaitAsync(async () => await KnownVerdictAsync(b) == verdict));
        }

        await Report("claim imported through A, first used by B's scoring", delays);
    }

    /// <summary>A list stored through A, then changed four times (its term in and out of the post): B follows each.</summary>
    [Test]
    public async Task TwoProcesses_TermListChangedThroughOne_UsedByTheOthersScoringWithoutARestart()
    {
        var database = TestPostgres.NewDatabase();
        var (a, b) = (await StartAsync(database), await StartAsync(database));
        const string text = "katanya bakal ada tsunami susulan jam 3 sore, info dr grup sebelah";
        Assert.That(await TermListsMatchedAsync(b, text), Is.Empty, "no list before the change");

        var delays = new List<TimeSpan>();
        foreach (var term in new[] { "tsunami susulan", "banjir bandang", "tsunami susulan", "banjir bandang", "tsunami susulan" })
        {
            using (var put = await _http.PutAsJsonAsync($"{a}/admin/termlists/minggu-ini", new { terms = new[] { term }, flag = true }))
            {
                Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
            }

            var expected = text.Contains(term, StringComparison.Ordinal);
            delays.Add(await WaitAsync(async () => (await TermListsMatchedAsync(b, text)).Contains("minggu-ini") == expected));
        }

        await Report("term list stored through A, first used by B's scoring", delays);
    }

    [Test]
    public void Run_UnreachableDatabase_OneLineNamingTheSettingAndExitsNonZero()
    {
        using var process = Process.Start(StartInfo("Host=127.0.0.1;Port=1;Database=hoaxscreen;Password=rahasia;Timeout=3", FreePort()))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the service did not exit");
        }

        var output = stdout.Result + stderr.Result;
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Multiple(() =>
        {
            Assert.That(process.ExitCode, Is.EqualTo(1), output);
            Assert.That(lines, Has.Length.EqualTo(1), output);
            Assert.That(output, Does.Contain("HoaxScreen cannot start").And.Contain("ConnectionStrings:HoaxScreen: cannot reach PostgreSQL 127.0.0.1:1/hoaxscreen"));
            Assert.That(output, Does.Not.Contain("rahasia").And.Not.Contain("   at "));
        });
    }

    private static async Task Report(string what, List<TimeSpan> delays)
    {
        var seconds = delays.Select(delay => delay.TotalSeconds).Order().ToList();
        await TestContext.Out.WriteLineAsync(
            $"{what} after (s): {string.Join(", ", delays.Select(delay => delay.TotalSeconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}; " +
            $"median {seconds[seconds.Count / 2]:F2}, max {seconds[^1]:F2}");
    }

    /// <summary>Polls until <paramref name="done"/>; how long it took from the call.</summary>
    private static async Task<TimeSpan> WaitAsync(Func<Task<bool>> done)
    {
        var watch = Stopwatch.StartNew();
        while (!await done())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail("the other replica did not pick up the change within 60 s");
            }

            await Task.Delay(50);
        }

        return watch.Elapsed;
    }

    /// <summary>The verdict B's result gives the claim pg-kalibata for the post, or null when it lists no such claim.</summary>
    private async Task<string?> KnownVerdictAsync(string service) =>
        (await ScreenAsync(service, Post))["knownClaims"]?.AsArray()
            .Where(claim => claim!["id"]!.GetValue<string>() == "pg-kalibata")
            .Select(claim => claim!["verdict"]!.GetValue<string>())
            .FirstOrDefault();

    private async Task<List<string>> TermListsMatchedAsync(string service, string text) =>
        [.. (await ScreenAsync(service, text))["termMatches"]?.AsArray().Select(match => match!["list"]!.GetValue<string>()) ?? []];

    private async Task<JsonObject> ScreenAsync(string service, string text)
    {
        using var response = await _http.PostAsJsonAsync($"{service}/v1/screen", new { text });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>A service process on the shared database, once it answers ready; its base address.</summary>
    private async Task<string> StartAsync(string database)
    {
        var port = FreePort();
        var process = Process.Start(StartInfo(database, port))!;
        _processes.Add(process);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = $"http://127.0.0.1:{port}";
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                Assert.Fail($"the service exited with code {process.ExitCode} before it was ready");
            }

            try
            {
                using var ready = await _http.GetAsync($"{address}/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return address;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail("the service was not ready within 90 s");
        return address;
    }

    private static ProcessStartInfo StartInfo(string database, int port)
    {
        var start = ServiceProcess.StartInfo();
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Model__Path"] = RepoPaths.DefaultModel;
        start.Environment["Claims__MatcherPath"] = RepoPaths.Bundle("claims");
        start.Environment["ConnectionStrings__HoaxScreen"] = database;
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
