using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// <c>POST /admin/model/reload</c>: good bundles are checked and swapped in atomically, bad ones are rejected while the old
/// model keeps serving, paths are confined to the configured folder and <c>Model:ReloadRoot</c>, and requests running
/// during reloads never fail.
/// </summary>
[TestFixture]
public sealed class ModelReloadTests : ApiFixture
{
    private const string VersionB = "20990101-000000-reloadb";

    private const string VersionAddedSlang = "20990101-000000-addslang";

    private static readonly Lazy<string> Scratch = new(() => Directory.CreateTempSubdirectory("hoaxscreen-reload-").FullName);

    private static string Root => Path.Combine(Scratch.Value, "models");

    private static string BundleA => Path.Combine(Root, "a");

    private static string BundleB => Path.Combine(Root, "b");

    private static string Outside => Path.Combine(Scratch.Value, "outside");

    private string _versionA = null!;

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            BundleCopies.CopyDefault(BundleA);
            BundleCopies.CopyDefault(BundleB, VersionB);
            BundleCopies.CopyDefault(Outside, "20990101-000000-outside");

            var corrupt = BundleCopies.CopyDefault(Path.Combine(Root, "corrupt"));
            File.WriteAllText(Path.Combine(corrupt, ModelBundle.ModelFile), "this is not a zip file");
            ModelBundle.Seal(corrupt); // sealed as it is: the model reader itself must refuse it
            var renamed = BundleCopies.CopyDefault(Path.Combine(Root, "renamed-label"), "20990101-000000-renamed");
            BundleCopies.RenameLabel(renamed, "sara", "sara_lama");
            var future = BundleCopies.CopyDefault(Path.Combine(Root, "future-format"));
            File.WriteAllText(
                Path.Combine(future, ModelBundle.ManifestFile),
                File.ReadAllText(Path.Combine(future, ModelBundle.ManifestFile)).Replace($"\"format\": {ModelManifest.CurrentFormat}", "\"format\": 99", StringComparison.Ordinal));
            Directory.CreateDirectory(Path.Combine(Root, "empty"));

            // Same version as A, files changed after sealing: each must be refused, not served with other verdicts.
            Directory.Delete(Path.Combine(BundleCopies.CopyDefault(Path.Combine(Root, "no-lexicons")), "lexicons"), recursive: true);
            BundleCopies.EditSlangLine(BundleCopies.CopyDefault(Path.Combine(Root, "edited-lexicon")));
            BundleCopies.Truncate(Path.Combine(BundleCopies.CopyDefault(Path.Combine(Root, "truncated-model")), ModelBundle.ModelFile));
            File.WriteAllText(Path.Combine(BundleCopies.CopyDefault(Path.Combine(Root, "extra-lexicon")), "lexicons", "extra.csv"), "informal,formal\ngblk,baik\n");
            var resealed = BundleCopies.CopyDefault(Path.Combine(Root, "added-slang"), VersionAddedSlang);
            File.AppendAllText(Path.Combine(resealed, "lexicons", "slang.csv"), "gblkbgt,goblok banget\n");
            ModelBundle.Seal(resealed);
            Directory.CreateSymbolicLink(Path.Combine(Root, "link-outside"), Outside);

            return new Dictionary<string, string?> { ["Model:Path"] = BundleA, ["Model:ReloadRoot"] = Root };
        }
    }

    private readonly CapturingLoggerProvider _logs = new();

    protected override Microsoft.Extensions.Logging.ILoggerProvider LoggerProvider => _logs;

    private ModelHolder Holder => Factory.Services.GetRequiredService<ModelHolder>();
    private ModelReloader Reloader => Factory.Services.GetRequiredService<ModelReloader>();

    [OneTimeSetUp]
    public void RememberServedVersion() => _versionA = Holder.Current.Version;

    [OneTimeTearDown]
    public void DeleteScratch()
    {
        if (Scratch.IsValueCreated)
        {
            Directory.Delete(Scratch.Value, recursive: true);
        }
    }

    /// <summary>Every test starts from bundle A.</summary>
    [SetUp]
    public async Task ServeBundleA()
    {
        if (Holder.Current.Version != _versionA)
        {
            var outcome = await Reloader.ReloadAsync(BundleA, "test set-up", waitIfBusy: true);
            Assert.That(outcome.Status, Is.EqualTo(ModelReloadStatus.Swapped), outcome.Reason);
        }
    }

    [Test]
    public async Task Reload_GoodBundleUnderReloadRoot_SwapsAndEveryResponseNamesTheNewVersion()
    {
        var body = await ReloadOkAsync(new JsonObject { ["path"] = BundleB });
        var screened = await ScreenModelAsync();
        using var model = await Client.GetAsync("/v1/model");
        var info = await model.ReadObjectAsync();

        Assert.Multiple(() =>
        {
            Assert.That(body["model"]!.GetValue<string>(), Is.EqualTo(VersionB));
            Assert.That(body["previousModel"]!.GetValue<string>(), Is.EqualTo(_versionA));
            Assert.That(body["directory"]!.GetValue<string>(), Is.EqualTo(BundleB));
            Assert.That(body["labels"]!.AsArray().Select(l => l!.GetValue<string>()), Is.EqualTo(ShippedLabels.All));
            Assert.That(screened, Is.EqualTo(VersionB));
            Assert.That(info["version"]!.GetValue<string>(), Is.EqualTo(VersionB));
        });
    }

    [Test]
    public async Task Reload_RelativePath_ResolvesUnderReloadRoot()
    {
        var body = await ReloadOkAsync(new JsonObject { ["path"] = "b" });

        Assert.That(body["model"]!.GetValue<string>(), Is.EqualTo(VersionB));
    }

    [Test]
    public async Task Reload_NoBody_Returns415AndTheServedBundleStays()
    {
        // A bodyless POST is what any web page can make a browser send; only a JSON body reloads (see AdminAccessTests).
        await ReloadOkAsync(new JsonObject { ["path"] = BundleB });

        using var response = await Client.PostAsync("/admin/model/reload", content: null);

        await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(Holder.Current.Version, Is.EqualTo(VersionB));
    }

    [Test]
    public async Task Reload_EmptyJsonObject_RereadsTheConfiguredBundle()
    {
        await ReloadOkAsync(new JsonObject { ["path"] = BundleB });

        var body = await ReloadOkAsync(new JsonObject());

        Assert.Multiple(() =>
        {
            Assert.That(body["model"]!.GetValue<string>(), Is.EqualTo(_versionA));
            Assert.That(body["previousModel"]!.GetValue<string>(), Is.EqualTo(VersionB));
        });
    }

    [TestCase("corrupt", "not a readable ML.NET model", TestName = "Reload_CorruptModelFile_Returns422AndOldModelKeepsServing")]
    [TestCase("renamed-label", "lacks label(s) sara", TestName = "Reload_BundleMissingAServedLabel_Returns422AndOldModelKeepsServing")]
    [TestCase("future-format", "format 99 is not supported", TestName = "Reload_IncompatibleBundleFormat_Returns422AndOldModelKeepsServing")]
    [TestCase("empty", "no manifest.json", TestName = "Reload_FolderWithoutManifest_Returns422AndOldModelKeepsServing")]
    [TestCase("missing", "not found", TestName = "Reload_MissingFolder_Returns422AndOldModelKeepsServing")]
    [TestCase("no-lexicons", "lexicons/slang.csv is missing", TestName = "Reload_LexiconsRemoved_Returns422AndOldModelKeepsServing")]
    [TestCase("edited-lexicon", "lexicons/slang.csv has changed", TestName = "Reload_LexiconLineEdited_Returns422AndOldModelKeepsServing")]
    [TestCase("truncated-model", "model.zip is ", TestName = "Reload_ModelFileTruncated_Returns422AndOldModelKeepsServing")]
    [TestCase("extra-lexicon", "lexicons/extra.csv is not in the manifest", TestName = "Reload_ExtraLexiconFile_Returns422AndOldModelKeepsServing")]
    public async Task Reload_BadBundle_Returns422AndOldModelKeepsServing(string folder, string reason)
    {
        using var response = await PostReloadAsync(new JsonObject { ["path"] = Path.Combine(Root, folder) });
        var problem = await ApiKeyTests.AssertProblemAsync(response, (HttpStatusCode)422);
        var screenedWith = await ScreenModelAsync();

        Assert.Multiple(() =>
        {
            Assert.That(problem["title"]!.GetValue<string>(), Is.EqualTo("Model bundle rejected"));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(reason).And.Contain($"Model {_versionA} keeps serving"));
            Assert.That(problem["model"]!.GetValue<string>(), Is.EqualTo(_versionA));
            Assert.That(screenedWith, Is.EqualTo(_versionA));
            Assert.That(Holder.Current.Version, Is.EqualTo(_versionA));
        });
    }

    [Test]
    public async Task Reload_ResealedBundleWithAnAddedSlangEntry_ModelInfoReportsTheLoadedLexiconSize()
    {
        var manifestCount = ModelBundle.ReadManifest(BundleA).Normalizer.Lexicons!.SlangEntries;

        await ReloadOkAsync(new JsonObject { ["path"] = Path.Combine(Root, "added-slang") });
        using var response = await Client.GetAsync("/v1/model");
        var info = await response.ReadObjectAsync();

        Assert.Multiple(() =>
        {
            Assert.That(info["version"]!.GetValue<string>(), Is.EqualTo(VersionAddedSlang));
            Assert.That(info["normalizer"]!["slangEntries"]!.GetValue<int>(), Is.EqualTo(manifestCount + 1));
            Assert.That(info["normalizer"]!["slangEntries"]!.GetValue<int>(), Is.EqualTo(Holder.Current.Model.Normalizer.Lexicon.SlangCount));
        });
    }

    /// <summary>
    /// The finding: a rejected reload's problem named the bundle by its absolute server path. The caller is told the bundle
    /// as it lies under Model:ReloadRoot; the full path stays in the Warning log.
    /// </summary>
    [TestCase("corrupt", true, "corrupt/model.zip: not a readable ML.NET model")]
    [TestCase("corrupt", false, "corrupt/model.zip: not a readable ML.NET model")]
    [TestCase("renamed-label", true, "renamed-label: the bundle lacks label(s) sara")]
    [TestCase("future-format", false, "future-format/manifest.json: bundle format 99 is not supported")]
    [TestCase("empty", true, "empty: not a model bundle (no manifest.json)")]
    [TestCase("missing", true, "missing: model folder not found")]
    [TestCase("missing", false, "missing: model folder not found")]
    public async Task Reload_BadBundle_ProblemNamesTheBundleWithoutItsAbsolutePath(string folder, bool absolute, string expected)
    {
        using var response = await PostReloadAsync(new JsonObject { ["path"] = absolute ? Path.Combine(Root, folder) : folder });
        var detail = (await ApiKeyTests.AssertProblemAsync(response, (HttpStatusCode)422))["detail"]!.GetValue<string>();

        Assert.Multiple(() =>
        {
            Assert.That(detail, Does.StartWith(expected));
            AssertNoAbsolutePath(detail);
        });
    }

    [Test]
    public async Task Reload_BadBundle_WarningLogKeepsTheFullPath()
    {
        using (await PostReloadAsync(new JsonObject { ["path"] = "empty" }))
        {
        }

        var warning = _logs.Entries.Last(e => e.EventId == 1011);

        Assert.Multiple(() =>
        {
            Assert.That(warning.Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
            Assert.That(warning.Message, Does.Contain(Path.Combine(Root, "empty")));
        });
    }

    [Test]
    public void WithoutServerPaths_ReasonNamingFilesInTheBundleAndElsewhere_KeepsBundleRelativeNamesAndLastParts()
    {
        var paths = Factory.Services.GetRequiredService<ModelReloadPaths>();
        var bundle = Path.Combine(Root, "corrupt");

        var text = paths.WithoutServerPaths(
            $"{Path.Combine(bundle, "lexicons", "slang.txt")}: line 3 (Could not find file '/var/lib/hoaxscreen/cache/x1.bin') [C:\\models\\y]",
            bundle);

        Assert.That(text, Is.EqualTo($"{Path.Combine("corrupt", "lexicons", "slang.txt")}: line 3 (Could not find file 'x1.bin') [y]"));
    }

    [Test]
    public void DisplayName_FolderOutsideReloadRoot_IsItsFolderName()
    {
        var paths = Factory.Services.GetRequiredService<ModelReloadPaths>();

        Assert.Multiple(() =>
        {
            Assert.That(paths.DisplayName(Path.Combine(Root, "b")), Is.EqualTo("b"));
            Assert.That(paths.DisplayName(Path.Combine(Root, "nested", "c")), Is.EqualTo("nested/c"));
            Assert.That(paths.DisplayName(Outside), Is.EqualTo("outside"));
        });
    }

    [TestCase("/etc")]
    [TestCase("../outside")]
    [TestCase("link-outside")]
    public async Task Reload_PathOutsideAllowedFolders_ProblemShowsNoAbsolutePath(string path)
    {
        using var response = await PostReloadAsync(new JsonObject { ["path"] = path });
        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);

        // (This answer never held a path; the test keeps it that way.)
        AssertNoAbsolutePath(string.Join("\n", problem["errors"]!["path"]!.AsArray().Select(e => e!.GetValue<string>())));
    }

    [TestCase("/etc", TestName = "Reload_AbsolutePathOutsideRoot_Returns400")]
    [TestCase("..", TestName = "Reload_ParentOfRoot_Returns400")]
    [TestCase("../outside", TestName = "Reload_DotDotOutOfRoot_Returns400")]
    [TestCase("b/../../outside", TestName = "Reload_DotDotThroughSubfolder_Returns400")]
    [TestCase("link-outside", TestName = "Reload_SymlinkUnderRootLeadingOutside_Returns400")]
    [TestCase(".", TestName = "Reload_RootItself_Returns400")]
    public async Task Reload_PathOutsideAllowedFolders_Returns400NamingPath(string path)
    {
        using var response = await PostReloadAsync(new JsonObject { ["path"] = path });
        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(problem["errors"]!["path"]![0]!.GetValue<string>(), Does.Contain("Model:ReloadRoot"));
            Assert.That(Holder.Current.Version, Is.EqualTo(_versionA));
        });
    }

    [TestCase("""{ "path": 5 }""", HttpStatusCode.BadRequest, "application/json")]
    [TestCase("""[ "b" ]""", HttpStatusCode.BadRequest, "application/json")]
    [TestCase("""{ "path": "b" """, HttpStatusCode.BadRequest, "application/json")]
    [TestCase("""{ "path": "b" }""", HttpStatusCode.UnsupportedMediaType, "text/plain")]
    public async Task Reload_MalformedBody_Returns4xxProblemDetails(string body, HttpStatusCode expected, string contentType)
    {
        using var response = await Client.PostRawAsync("/admin/model/reload", body, contentType);

        await ApiKeyTests.AssertProblemAsync(response, expected);
        Assert.That(Holder.Current.Version, Is.EqualTo(_versionA));
    }

    [Test]
    public async Task Reload_WhileAnotherReloadRuns_Returns409()
    {
        // The holder takes its reload gate synchronously, so the HTTP reload below finds it held. A reload answered
        // first warms the HTTP path, so a cold first request cannot arrive after the ~200 ms load has finished.
        using (await PostReloadAsync(new JsonObject { ["path"] = BundleA }))
        {
        }

        var running = Reloader.ReloadAsync(BundleB, "test", waitIfBusy: false);
        using var response = await PostReloadAsync(new JsonObject { ["path"] = BundleA });
        var first = await running;

        var problem = await ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Multiple(() =>
        {
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("in progress"));
            Assert.That(first.Status, Is.EqualTo(ModelReloadStatus.Swapped));
            Assert.That(Holder.Current.Version, Is.EqualTo(VersionB));
        });
    }

    [Test]
    public async Task Reload_ModelTakenBeforeTheSwap_KeepsScoringWithItsOwnVersion()
    {
        var inFlight = Holder.Current;

        var outcome = await Reloader.ReloadAsync(BundleB, "test", waitIfBusy: true);
        var verdict = inFlight.Model.Score("SEBARKAN!! vaksin mengandung chip");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Status, Is.EqualTo(ModelReloadStatus.Swapped));
            Assert.That(outcome.Previous, Is.SameAs(inFlight));
            Assert.That(inFlight.Version, Is.EqualTo(_versionA));
            Assert.That(verdict.Labels, Has.Count.EqualTo(ShippedLabels.All.Length));
            Assert.That(Holder.Current.Version, Is.EqualTo(VersionB));
        });
    }

    [Test]
    public async Task Reload_PreviousModel_IsCollectableOnceRequestsFinish()
    {
        var (loaded, model) = await SwapAndForgetAsync();

        for (var i = 0; i < 20 && (loaded.IsAlive || model.IsAlive); i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            await Task.Delay(50);
        }

        Assert.Multiple(() =>
        {
            Assert.That(loaded.IsAlive, Is.False, "nothing may keep a replaced model alive");
            Assert.That(model.IsAlive, Is.False, "nothing may keep a replaced ML.NET model alive");
        });
    }

    [Test]
    public async Task Screen_EightLoopsDuringFiveReloads_NeverFailAndAlwaysNameAServedVersion()
    {
        var failures = new ConcurrentQueue<string>();
        var versions = new ConcurrentDictionary<string, int>();
        var served = 0;
        using var stop = new CancellationTokenSource();

        async Task LoopAsync(int worker)
        {
            var i = 0;
            while (!stop.IsCancellationRequested)
            {
                var batch = (worker + i++) % 4 == 0;
                using var response = batch
                    ? await Client.PostRawAsync("/v1/screen/batch", """{ "items": [ { "text": "SEBARKAN!! hoaks vaksin" }, { "text": "dasar b4b1" }, { "text": "selamat pagi" } ] }""")
                    : await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = $"SEBARKAN!! info valid {worker}-{i}", ["explain"] = i % 3 == 0 });
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Enqueue($"{(int)response.StatusCode}: {text}");
                    continue;
                }

                var body = JsonNode.Parse(text)!;
                var version = body["model"]!.GetValue<string>();
                if (batch && body["results"]!.AsArray().Any(r => r!["model"]!.GetValue<string>() != version))
                {
                    failures.Enqueue($"a batch mixed model versions: {text}");
                }

                versions.AddOrUpdate(version, 1, (_, n) => n + 1);
                Interlocked.Increment(ref served);
            }
        }

        var loops = Enumerable.Range(0, 8).Select(worker => Task.Run(() => LoopAsync(worker))).ToList();
        var reloads = new List<string>();
        for (var r = 0; r < 5; r++)
        {
            await Task.Delay(100);
            var body = await ReloadOkAsync(new JsonObject { ["path"] = r % 2 == 0 ? BundleB : BundleA });
            reloads.Add(body["model"]!.GetValue<string>());
        }

        await Task.Delay(100);
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(5)));
            Assert.That(reloads, Is.EqualTo(new[] { VersionB, _versionA, VersionB, _versionA, VersionB }));
            Assert.That(versions.Keys, Is.SubsetOf(new[] { _versionA, VersionB }));
            Assert.That(served, Is.GreaterThan(40), "the loops should keep screening throughout");
        });
    }

    /// <summary>Screens with bundle A, swaps in bundle B, and returns weak references to A's loaded and scoring models.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private async Task<(WeakReference Loaded, WeakReference Model)> SwapAndForgetAsync()
    {
        var weak = (new WeakReference(Holder.Current), new WeakReference(Holder.Current.Model));
        await ScreenModelAsync();
        using (await Client.PostRawAsync("/v1/screen/batch", """{ "items": [ { "text": "halo", "explain": true }, { "text": "apa kabar" } ] }"""))
        {
        }

        var outcome = await Reloader.ReloadAsync(BundleB, "test", waitIfBusy: true);
        Assert.That(outcome.Status, Is.EqualTo(ModelReloadStatus.Swapped));
        return weak;
    }

    private static void AssertNoAbsolutePath(string text)
    {
        var temp = Path.TrimEndingDirectorySeparator(Path.GetTempPath());
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain(Scratch.Value));
            Assert.That(text, Does.Not.Contain(temp));
            Assert.That(text, Does.Not.Contain("/tmp").And.Not.Contain("/work"));
            Assert.That(text, Does.Not.Contain(RepoPaths.Root));
            Assert.That(System.Text.RegularExpressions.Regex.IsMatch(text, @"(^|[\s'""(])/[A-Za-z]"), Is.False, $"an absolute path in: {text}");
        });
    }

    private async Task<string> ScreenModelAsync()
    {
        using var response = await Client.PostJsonNodeAsync("/v1/screen", new JsonObject { ["text"] = "halo semua" });
        return (await response.ReadObjectAsync())["model"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> PostReloadAsync(JsonObject body) => Client.PostJsonNodeAsync("/admin/model/reload", body);

    private async Task<JsonObject> ReloadOkAsync(JsonObject request)
    {
        using var response = await PostReloadAsync(request);
        var body = await response.ReadObjectAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body;
    }
}
