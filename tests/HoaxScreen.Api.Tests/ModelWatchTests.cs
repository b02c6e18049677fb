using System.Net;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Core.Modeling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// <c>Model:WatchForChanges</c>: a new bundle written into the configured folder (or swapped in whole, as the training CLI
/// does) is served after the debounce; a bad one is logged as a warning and the old model keeps serving.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ModelWatchTests : ApiFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static readonly Lazy<string> Scratch = new(() => Directory.CreateTempSubdirectory("hoaxscreen-watch-").FullName);

    private static string Bundle => Path.Combine(Scratch.Value, "models", "current");

    private readonly CapturingLoggerProvider _logs = new();

    protected override ILoggerProvider LoggerProvider => _logs;

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            BundleCopies.CopyDefault(Bundle);
            return new Dictionary<string, string?>
            {
                ["Model:Path"] = Bundle,
                ["Model:WatchForChanges"] = "true",
                ["Model:WatchDebounceMilliseconds"] = "200",
            };
        }
    }

    private ModelHolder Holder => Factory.Services.GetRequiredService<ModelHolder>();
    private ModelReloader Reloader => Factory.Services.GetRequiredService<ModelReloader>();

    [OneTimeTearDown]
    public void DeleteScratch()
    {
        if (Scratch.IsValueCreated)
        {
            Directory.Delete(Scratch.Value, recursive: true);
        }
    }

    [Test]
    public async Task Watch_NewVersionWrittenIntoTheFolder_IsServedAfterTheDebounce()
    {
        const string version = "20990201-000000-watched";

        BundleCopies.SetVersion(Bundle, version);

        Assert.That(await WaitForServedVersionAsync(version), Is.EqualTo(version));
        var reloaded = await _logs.WaitForAsync(e => e.EventId == 1010 && e.Message.Contains(version, StringComparison.Ordinal), Patience);
        Assert.That(reloaded.Message, Does.Contain("file watch"));
    }

    [Test]
    public async Task Watch_BundleSwappedInWhole_IsServed()
    {
        // What the training CLI does: write a staging folder beside the target, move the old one aside, move the new one in.
        const string version = "20990202-000000-swapped";
        var parent = Path.GetDirectoryName(Bundle)!;
        var staging = Path.Combine(parent, ".current.tmp-1");
        BundleCopies.CopyDefault(staging, version);
        var backup = Bundle + ".old-1";

        Directory.Move(Bundle, backup);
        Directory.Move(staging, Bundle);
        Directory.Delete(backup, recursive: true);

        Assert.That(await WaitForServedVersionAsync(version), Is.EqualTo(version));
    }

    [Test]
    public async Task Watch_CorruptModelWritten_LogsWarningAndKeepsServing()
    {
        var served = Holder.Current.Version;
        var modelFile = Path.Combine(Bundle, ModelBundle.ModelFile);
        var original = await File.ReadAllBytesAsync(modelFile);
        var before = _logs.Entries.Count;
        try
        {
            await File.WriteAllTextAsync(modelFile, "not a model any more");

            var rejected = await _logs.WaitForAsync(
                e => e.EventId == 1011 && _logs.Entries.ToList().IndexOf(e) >= before, Patience);
            using var response = await Client.GetAsync("/v1/model");
            var info = await response.ReadObjectAsync();

            Assert.Multiple(() =>
            {
                Assert.That(rejected.Level, Is.EqualTo(LogLevel.Warning));
                Assert.That(rejected.Message, Does.Contain("file watch").And.Contain("model.zip is ").And.Contain("does not match its manifest").And.Contain($"model {served} keeps serving"));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(info["version"]!.GetValue<string>(), Is.EqualTo(served));
            });
        }
        finally
        {
            await File.WriteAllBytesAsync(modelFile, original);
        }
    }

    private async Task<string> WaitForServedVersionAsync(string expected)
    {
        var deadline = DateTime.UtcNow + Patience;
        string version;
        do
        {
            using var response = await Client.GetAsync("/v1/model");
            version = (await response.ReadObjectAsync())["version"]!.GetValue<string>();
            if (version == expected)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        return version;
    }
}
