using System.Text.RegularExpressions;
using HoaxScreen.Api.Limits;
using HoaxScreen.Api.Options;
using HoaxScreen.Api.Security;
using HoaxScreen.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Npgsql;
using YamlDotNet.RepresentationModel;

namespace HoaxScreen.Api.Tests;

/// <summary>No container engine runs here, so deploy/compose.yaml's environment is checked against the app's options.</summary>
public sealed partial class DeployComposeTests
{
    [Test]
    public void Compose_Environment_TurnsKeysAndRateLimitsOnWithValidSettings()
    {
        var settings = File.ReadAllLines(Path.Combine(RepoPaths.Root, "deploy", "compose.yaml"))
            .Select(line => EnvironmentEntry().Match(line))
            .Where(match => match.Success)
            .ToDictionary(
                match => match.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal),
                match => (string?)(match.Groups[2].Value.StartsWith("${", StringComparison.Ordinal)
                    ? Guid.NewGuid().ToString("N")
                    : match.Groups[2].Value.Trim('"')));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = RepoPaths.Root })
            .AddLogging()
            .AddApiLimits()
            .AddApiSecurity()
            .BuildServiceProvider();

        Assert.Multiple(() =>
        {
            Assert.That(settings.Keys, Has.Some.StartsWith("Security:ApiKeys:1:"));
            Assert.That(AppSettingKeys.Unknown(settings.Keys), Is.Empty);
            Assert.That(services.GetRequiredService<IOptions<SecurityOptions>>().Value.RequireApiKeys, Is.True);
            Assert.That(services.GetRequiredService<ApiKeyStore>().Count, Is.EqualTo(2));
            Assert.That(services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled, Is.True);
            Assert.That(() => services.GetRequiredService<IOptions<LimitsOptions>>().Value, Throws.Nothing);
        });
    }

    /// <summary>The replicas' connection string names the compose database service, its database, user and password.</summary>
    [Test]
    public void Compose_Database_IsTheServiceTheConnectionStringNames()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepoPaths.Root, "deploy", "compose.yaml")))
        {
            stream.Load(reader);
        }

        var services = stream.Documents[0].RootNode.At("services")!;
        var app = services.At("hoaxscreen")!;
        var connection = new NpgsqlConnectionStringBuilder(app.Text("environment", "ConnectionStrings__HoaxScreen"));
        var database = services.At(connection.Host!) ?? throw new AssertionException($"no compose service named {connection.Host}");
        Assert.Multiple(() =>
        {
            Assert.That(database.Text("image"), Does.StartWith("postgres:"));
            Assert.That(database.Text("environment", "POSTGRES_DB"), Is.EqualTo(connection.Database));
            Assert.That(database.Text("environment", "POSTGRES_USER"), Is.EqualTo(connection.Username));
            Assert.That(database.Text("environment", "POSTGRES_PASSWORD"), Is.EqualTo(connection.Password).And.StartsWith("${"), "one variable, never a password in the file");
            Assert.That(app.Text("depends_on", connection.Host!, "condition"), Is.EqualTo("service_healthy"));
        });
    }

    [GeneratedRegex(@"^\s{6}([A-Za-z]+__[A-Za-z0-9_]+):\s*(\S+)")]
    private static partial Regex EnvironmentEntry();
}
