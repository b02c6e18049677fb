using System.Diagnostics;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Api.Tests;

/// <summary>
/// The real process, started as an operator would: a missing, corrupt or incompatible bundle (or a bad setting) is one
/// critical log line and a non-zero exit code, with no stack trace.
/// </summary>
[TestFixture]
public sealed class StartupProcessTests
{
    private string _scratch = null!;

    private static string ApiAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? "Release"
                : "Debug";
            return Path.Combine(RepoPaths.Root, "src", "HoaxScreen.Api", "bin", configuration, "net10.0", "HoaxScreen.Api.dll");
        }
    }

    [SetUp]
    public void CreateScratch()
    {
        if (!File.Exists(ApiAssembly))
        {
            Assert.Ignore($"{ApiAssembly} is not built");
        }

        _scratch = Directory.CreateTempSubdirectory("hoaxscreen-process-").FullName;
    }

    [TearDown]
    public void DeleteScratch()
    {
        if (_scratch is not null && Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [Test]
    public void Run_MissingModelFolder_LogsOneCriticalLineAndExitsNonZero()
    {
        var (exitCode, output) = Run($"--Model:Path={Path.Combine(_scratch, "missing")}");

        AssertOneLineFailure(exitCode, output, "Model:Path");
    }

    [Test]
    public void Run_CorruptModelFile_LogsOneCriticalLineAndExitsNonZero()
    {
        var bundle = Path.Combine(_scratch, "corrupt");
        Directory.CreateDirectory(bundle);
        File.Copy(Path.Combine(RepoPaths.DefaultModel, ModelBundle.ManifestFile), Path.Combine(bundle, ModelBundle.ManifestFile));
        File.WriteAllText(Path.Combine(bundle, ModelBundle.ModelFile), "not a zip");

        var (exitCode, output) = Run($"--Model:Path={bundle}");

        AssertOneLineFailure(exitCode, output, "not a readable ML.NET model");
    }

    [Test]
    public void Run_IncompatibleBundleFormat_LogsOneCriticalLineAndExitsNonZero()
    {
        var bundle = Path.Combine(_scratch, "future");
        Directory.CreateDirectory(bundle);
        var manifest = File.ReadAllText(Path.Combine(RepoPaths.DefaultModel, ModelBundle.ManifestFile));
        File.WriteAllText(
            Path.Combine(bundle, ModelBundle.ManifestFile),
            System.Text.RegularExpressions.Regex.Replace(manifest, "\"format\":\\s*\\d+", "\"format\": 999"));

        var (exitCode, output) = Run($"--Model:Path={bundle}");

        AssertOneLineFailure(exitCode, output, "format 999");
    }

    [Test]
    public void Run_BadLimit_LogsOneCriticalLineAndExitsNonZero()
    {
        var (exitCode, output) = Run($"--Model:Path={RepoPaths.DefaultModel}", "--Limits:RequestTimeoutSeconds=0");

        AssertOneLineFailure(exitCode, output, "RequestTimeoutSeconds");
    }

    private static void AssertOneLineFailure(int exitCode, string output, string reason)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(lines, Has.Length.EqualTo(1), output);
            Assert.That(lines.FirstOrDefault(), Does.Contain("crit:").And.Contain("HoaxScreen cannot start").And.Contain(reason));
            Assert.That(output, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    private static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ApiAssembly)!,
        };
        start.ArgumentList.Add(ApiAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_HTTP_PORTS"] = "0";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the service did not exit");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
