using HoaxScreen.Api.Claims;
using HoaxScreen.Tests.Shared;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Api.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using HoaxScreen.Api.Modeling;

namespace HoaxScreen.Api.Tests;

/// <summary>Bad configuration or a bad bundle stops start-up with a clear message. Each test hosts its own (failing) app.</summary>
[TestFixture]
public sealed class StartupTests
{
    private string _scratch = null!;

    [SetUp]
    public void CreateScratch()
    {
        _scratch = Directory.CreateTempSubdirectory("hoaxscreen-api-tests-").FullName;
    }

    [TearDown]
    public void DeleteScratch()
    {
        Directory.Delete(_scratch, recursive: true);
    }

    // These resolve the app's own registrations (options validation, model holder) rather than start a failing host
    // through the test factory, whose disposal of that host races the error; StartupProcessTests runs the real process.
    [Test]
    public void Start_MissingModelPath_FailsOptionsValidationNamingThePath()
    {
        var missing = Path.Combine(_scratch, "no-such-model");
        using var services = ModelServices(missing);

        Assert.That(
            () => services.GetRequiredService<IOptions<ModelOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>()
                .With.Message.Contains("Model:Path").And.Message.Contains(missing).And.Message.Contains("not found"));
    }

    [Test]
    public void Start_FolderWithoutManifest_FailsOptionsValidation()
    {
        using var services = ModelServices(_scratch);

        Assert.That(() => services.GetRequiredService<IOptions<ModelOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("manifest.json"));
    }

    [Test]
    public void Start_CorruptManifest_FailsWithModelBundleException()
    {
        File.WriteAllText(Path.Combine(_scratch, ModelBundle.ManifestFile), "{ this is not json");
        using var services = ModelServices(_scratch);

        Assert.That(() => services.GetRequiredService<ModelReloader>().Load(), Throws.InstanceOf<ModelBundleException>().With.Message.Contains("manifest"));
    }

    [Test]
    public void Start_ManifestWithoutModelFile_FailsWithModelBundleException()
    {
        File.Copy(Path.Combine(RepoPaths.DefaultModel, ModelBundle.ManifestFile), Path.Combine(_scratch, ModelBundle.ManifestFile));
        using var services = ModelServices(_scratch);

        Assert.That(() => services.GetRequiredService<ModelReloader>().Load(), Throws.InstanceOf<ModelBundleException>().With.Message.Contains(ModelBundle.ModelFile));
    }

    [TestCase("Screening:MaxBatchSize", "0")]
    [TestCase("Screening:MaxTextLength", "1000001")]
    public void Start_LimitOutOfRange_FailsOptionsValidation(string key, string value)
    {
        // Resolved through the app's own registration rather than a failing host, whose disposal can race the error.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddHoaxScreenOptions()
            .BuildServiceProvider();

        Assert.That(() => services.GetRequiredService<IOptions<ScreeningOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains(key.Split(':')[1]));
    }

    [Test]
    public void Start_ClaimsMatcherPathWithoutAMatcher_FailsOptionsValidationNamingTheSetting() =>
        Assert.That(
            () => ClaimsOptionsOf(Path.Combine(_scratch, "claims.db"), matcher: _scratch),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Claims:MatcherPath").And.Message.Contains("claims train"));

    [Test]
    public void Start_ClaimsStoreInAMissingFolder_FailsOptionsValidationNamingTheSetting() =>
        Assert.That(
            () => ClaimsOptionsOf(Path.Combine(_scratch, "missing", "claims.db"), matcher: RepoPaths.Bundle("claims")),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Claims:Path"));

    private ClaimsOptions ClaimsOptionsOf(string store, string matcher)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Claims:Path"] = store, ["Claims:MatcherPath"] = matcher })
            .Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = _scratch })
            .AddLogging()
            .AddClaimMatching()
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<ClaimsOptions>>().Value;
    }

    [Test]
    public async Task Load_DefaultBundle_ServesAtOnceAndLogsTheLoad()
    {
        var logs = new CapturingLoggerProvider();
        using var services = ModelServices(RepoPaths.DefaultModel, logs);

        var loaded = services.GetRequiredService<ModelReloader>().Load();

        Assert.That(services.GetRequiredService<ModelHolder>().Current, Is.SameAs(loaded));
        Assert.That(loaded.Model.Score("cek kesiapan hoaxscreen").Labels, Is.Not.Empty);
        await logs.WaitForAsync(e => e.Message.Contains($"Loaded model {loaded.Version}", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    private static ServiceProvider ModelServices(string modelPath, ILoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Model:Path"] = modelPath }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = RepoPaths.Root, EnvironmentName = "Production" })
            .AddLogging(builder =>
            {
                if (logs is not null)
                {
                    builder.AddProvider(logs);
                }
            })
            .AddHoaxScreenOptions()
            .AddModelServing()
            .BuildServiceProvider();
    }
}
