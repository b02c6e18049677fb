using HoaxScreen.Api.Limits;
using HoaxScreen.Api.Options;
using HoaxScreen.Api.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// The Limits, RateLimits, Security and Model sections are validated at start-up (through the app's own registrations, as
/// in <see cref="StartupTests"/>), and the limits reach Kestrel.
/// </summary>
[TestFixture]
public sealed class LimitsOptionsTests
{
    [TestCase("Limits:MaxRequestBodyBytes", "0")]
    [TestCase("Limits:MaxRequestBodyBytes", "999999999999")]
    [TestCase("Limits:MaxRequestHeadersTotalBytes", "10")]
    [TestCase("Limits:MaxRequestHeaderCount", "5000")]
    [TestCase("Limits:MaxJsonDepth", "1")]
    [TestCase("Limits:RequestTimeoutSeconds", "0")]
    [TestCase("Limits:MaxConcurrentScoring", "-1")]
    [TestCase("Limits:ScoringQueueLimit", "-5")]
    public void Start_LimitOutOfRange_FailsValidationNamingTheSetting(string key, string value)
    {
        using var services = Services(new() { [key] = value });

        Assert.That(() => services.GetRequiredService<IOptions<LimitsOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains(key.Split(':')[1]));
    }

    [TestCase("RateLimits:PermitLimit", "-1")]
    [TestCase("RateLimits:WindowSeconds", "0")]
    [TestCase("RateLimits:QueueLimit", "100000")]
    public void Start_RateLimitOutOfRange_FailsValidationNamingTheSetting(string key, string value)
    {
        using var services = Services(new() { [key] = value });

        Assert.That(() => services.GetRequiredService<IOptions<RateLimitOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains(key.Split(':')[1]));
    }

    [Test]
    public void Start_Defaults_AreValidAndMatchTheDocumentation()
    {
        using var services = Services([]);
        var limits = services.GetRequiredService<IOptions<LimitsOptions>>().Value;
        var rate = services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var security = services.GetRequiredService<IOptions<SecurityOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(limits.MaxRequestBodyBytes, Is.EqualTo(1_048_576));
            Assert.That(limits.MaxJsonDepth, Is.EqualTo(16));
            Assert.That(limits.RequestTimeoutSeconds, Is.EqualTo(30));
            Assert.That(limits.EffectiveMaxConcurrentScoring, Is.EqualTo(Environment.ProcessorCount * 2));
            Assert.That(rate.Enabled, Is.False, "rate limiting is off by default");
            Assert.That(security.ApiKeys, Is.Empty, "keys are off by default");
            Assert.That(services.GetRequiredService<ApiKeyStore>().Enabled, Is.False);
        });
    }

    [Test]
    public void Kestrel_ConfiguredLimits_AreApplied()
    {
        using var services = Services(new()
        {
            ["Limits:MaxRequestBodyBytes"] = "65536",
            ["Limits:MaxRequestHeadersTotalBytes"] = "8192",
            ["Limits:MaxRequestHeaderCount"] = "30",
            ["Limits:MaxRequestLineBytes"] = "2048",
            ["Limits:MaxConcurrentConnections"] = "500",
        });
        var kestrel = services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(kestrel.Limits.MaxRequestBodySize, Is.EqualTo(65_536));
            Assert.That(kestrel.Limits.MaxRequestHeadersTotalSize, Is.EqualTo(8_192));
            Assert.That(kestrel.Limits.MaxRequestHeaderCount, Is.EqualTo(30));
            Assert.That(kestrel.Limits.MaxRequestLineSize, Is.EqualTo(2_048));
            Assert.That(kestrel.Limits.MaxConcurrentConnections, Is.EqualTo(500));
            Assert.That(kestrel.AddServerHeader, Is.False);
        });
    }

    [Test]
    public void Json_ConfiguredDepth_IsApplied()
    {
        using var services = Services(new() { ["Limits:MaxJsonDepth"] = "8" });

        Assert.That(services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions.MaxDepth, Is.EqualTo(8));
    }

    [Test]
    public void Start_RequireApiKeysWithoutKeys_FailsValidation()
    {
        using var services = Services(new() { ["Security:RequireApiKeys"] = "true" });

        Assert.That(() => services.GetRequiredService<IOptions<SecurityOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("RequireApiKeys").And.Message.Contains("Security:ApiKeys:0:Key"));
    }

    [TestCase("short", "screening", "at least 16 characters")]
    [TestCase("long-enough-key-0123456789", "superuser", "Role must be 'screening' or 'admin'")]
    [TestCase("long-enough-key-0123456789", null, "Role must be")]
    [TestCase("long-enough-key-ñ-0123456789", "admin", "printable ASCII")]
    [TestCase(null, "admin", "at least 16 characters")]
    public void Start_BadKey_FailsValidationNamingTheKeyIndex(string? key, string? role, string message)
    {
        using var services = Services(new() { ["Security:ApiKeys:0:Key"] = key, ["Security:ApiKeys:0:Role"] = role });

        Assert.That(() => services.GetRequiredService<IOptions<SecurityOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Security:ApiKeys:0").And.Message.Contains(message));
    }

    [Test]
    public void Start_DuplicateKey_FailsValidation()
    {
        using var services = Services(new()
        {
            ["Security:ApiKeys:0:Key"] = "same-key-0123456789abcdef",
            ["Security:ApiKeys:0:Role"] = "screening",
            ["Security:ApiKeys:1:Key"] = "same-key-0123456789abcdef",
            ["Security:ApiKeys:1:Role"] = "admin",
        });

        Assert.That(() => services.GetRequiredService<IOptions<SecurityOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Security:ApiKeys:1:Key repeats"));
    }

    [Test]
    public void KeyStore_PresentedKey_MatchesOnlyTheExactKey()
    {
        using var services = Services(new()
        {
            ["Security:ApiKeys:0:Name"] = "tool",
            ["Security:ApiKeys:0:Key"] = "exact-key-0123456789abcdef",
            ["Security:ApiKeys:0:Role"] = "screening",
            ["Security:ApiKeys:1:Key"] = "admin-key-0123456789abcdef",
            ["Security:ApiKeys:1:Role"] = "admin",
        });
        var store = services.GetRequiredService<ApiKeyStore>();

        Assert.Multiple(() =>
        {
            Assert.That(store.Find("exact-key-0123456789abcdef"), Is.EqualTo(("tool", "screening")));
            Assert.That(store.Find("admin-key-0123456789abcdef"), Is.EqualTo(("key1", "admin")));
            Assert.That(store.Find("exact-key-0123456789abcde"), Is.Null);
            Assert.That(store.Find("exact-key-0123456789abcdef "), Is.Null);
            Assert.That(store.Find(string.Empty), Is.Null);
        });
    }

    [TestCase("Model:WatchDebounceMilliseconds", "10", "WatchDebounceMilliseconds")]
    [TestCase("Model:ReloadRoot", "/no/such/folder/for/hoaxscreen", "ReloadRoot")]
    public void Start_BadModelReloadSetting_FailsValidation(string key, string value, string message)
    {
        using var services = Services(new() { ["Model:Path"] = HoaxScreen.Tests.Shared.RepoPaths.DefaultModel, [key] = value });

        Assert.That(() => services.GetRequiredService<IOptions<ModelOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains(message));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = HoaxScreen.Tests.Shared.RepoPaths.Root, EnvironmentName = "Production" })
            .AddLogging()
            .AddHoaxScreenOptions()
            .AddApiLimits()
            .AddApiSecurity()
            .BuildServiceProvider();
    }
}
