using System.Net;
using System.Text.RegularExpressions;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// No container engine runs here, so the Dockerfile is checked statically against the repository and the app
/// (deploy/replay-dockerfile.sh replays its build for real).
/// </summary>
public sealed partial class DockerfileTests : ApiFixture
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "Dockerfile"));

    /// <summary>The port the image listens on (its <c>ASPNETCORE_HTTP_PORTS</c>), for the deployment files' checks.</summary>
    internal static string HttpPort => PortSetting().Match(string.Join('\n', Lines)).Groups[1].Value;

    [Test]
    public void Restore_EveryRestoreAffectingPublishProperty_IsPassedToRestoreToo()
    {
        // publish runs with --no-restore, so what it needs (e.g. crossgen2 for ReadyToRun) must come from the restore:
        // otherwise a builder with an empty package cache stops with NETSDK1094/NETSDK1112.
        var restore = Lines.Single(l => l.StartsWith("RUN dotnet restore ", StringComparison.Ordinal));
        var publish = Lines.Single(l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));

        Assert.That(publish, Does.Contain("--no-restore"));
        foreach (var property in new[] { "-p:PublishReadyToRun=true", "-a $TARGETARCH" }.Where(publish.Contains))
        {
            Assert.That(restore, Does.Contain(property), $"the publish passes {property}, so the restore must too");
        }
    }

    [Test]
    public void Env_GcPercentSettings_AreHexadecimalAndWithinRange()
    {
        // The runtime reads GC settings from the environment as hexadecimal: "75" would mean 117 % and be ignored.
        var settings = Lines.Where(l => !l.TrimStart().StartsWith('#'))
            .SelectMany(l => GcPercentSetting().Matches(l))
            .ToList();

        Assert.That(settings, Is.Not.Empty, "the image sets its GC heap limit deliberately");
        foreach (var setting in settings)
        {
            var value = setting.Groups[2].Value;
            Assert.That(value, Does.StartWith("0x"), $"{setting.Groups[1].Value} must be written in hexadecimal");
            Assert.That(Convert.ToInt32(value[2..], 16), Is.InRange(1, 100), setting.Value);
        }
    }

    [Test]
    public void Copy_EverySourcePath_ExistsInRepository()
    {
        var sources = Lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();
        Assert.That(sources, Has.Member("models/default/"));
        foreach (var source in sources)
        {
            Assert.That(File.Exists(Path.Combine(RepoPaths.Root, source)) || Directory.Exists(Path.Combine(RepoPaths.Root, source)), Is.True, source);
        }
    }

    [Test]
    public void FinalStage_User_IsNotRoot()
    {
        var finalStage = Lines.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();
        var user = finalStage.LastOrDefault(l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.That(user, Is.Not.Null);
        Assert.That(user, Does.Not.Match(@"^USER (root|0)\b"));
    }

    [Test]
    public void Healthcheck_ProbedPortAndPath_MatchExposedPortAndRealRoute()
    {
        var text = string.Join('\n', Lines);
        var port = HttpPort;
        Assert.That(Lines, Has.Member($"EXPOSE {port}"));
        Assert.That(text, Does.Contain($"/dev/tcp/127.0.0.1/{port}").And.Contain("GET /health/live "));
        Assert.That(text, Does.Contain("Model__Path=/app/models/default"));
    }

    [Test]
    public async Task Healthcheck_PathOnRunningApp_AnswersOk()
    {
        using var response = await Client.GetAsync("/health/live");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [GeneratedRegex(@"(DOTNET_GC\w*Percent)=(\S+)")]
    private static partial Regex GcPercentSetting();

    [GeneratedRegex(@"ASPNETCORE_HTTP_PORTS=(\d+)")]
    private static partial Regex PortSetting();
}
