using System.Diagnostics;
using System.Text.Json;
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
    /// <summary>The built-in switch to JSON console logs (<c>Logging__Console__FormatterName=json</c> in the environment).</summary>
    private const string JsonLogs = "--Logging:Console:FormatterName=json";

    private string _scratch = null!;

    private static string ApiAssembly => ServiceProcess.ApiAssembly;

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
        ModelBundle.Seal(bundle); // sealed as it is: the model reader itself must refuse it

        var (exitCode, output) = Run($"--Model:Path={bundle}");

        AssertOneLineFailure(exitCode, output, "not a readable ML.NET model");
    }

    [Test]
    public void Run_BundleWithoutItsLexicons_LogsOneCriticalLineAndExitsNonZero()
    {
        var bundle = BundleCopies.CopyDefault(Path.Combine(_scratch, "no-lexicons"));
        Directory.Delete(Path.Combine(bundle, "lexicons"), recursive: true);

        var (exitCode, output) = Run($"--Model:Path={bundle}");

        AssertOneLineFailure(exitCode, output, "lexicons/slang.csv is missing");
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

    [Test]
    public void Run_BadClaimsImportLimit_LogsOneCriticalLineAndExitsNonZero()
    {
        // The import route's body limit comes from this setting; mapping the route must not read it before the check.
        var (exitCode, output) = Run(
            $"--Model:Path={RepoPaths.DefaultModel}", $"--Claims:Path={Path.Combine(_scratch, "claims.db")}", "--Claims:MaxImportBytes=5");

        AssertOneLineFailure(exitCode, output, "Claims:MaxImportBytes");
    }

    [Test]
    public void Run_BadPlaygroundSwitch_LogsOneCriticalLineAndExitsNonZero()
    {
        var (exitCode, output) = Run($"--Model:Path={RepoPaths.DefaultModel}", "--Playground:Enabled=maybe");

        AssertOneLineFailure(exitCode, output, "Playground:Enabled");
    }

    [Test]
    public void Run_BadMetricsSwitch_LogsOneCriticalLineAndExitsNonZero()
    {
        var (exitCode, output) = Run($"--Model:Path={RepoPaths.DefaultModel}", "--Telemetry:Metrics:Enabled=maybe");

        AssertOneLineFailure(exitCode, output, "Telemetry:Metrics:Enabled");
    }

    [Test]
    public void Run_JsonFormatterAndBadModel_WritesTheFailureAsOneJsonLine()
    {
        var (exitCode, output) = Run($"--Model:Path={Path.Combine(_scratch, "missing")}", JsonLogs);

        var entry = JsonDocument.Parse(output.Trim()).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(entry.GetProperty("LogLevel").GetString(), Is.EqualTo("Critical"));
            Assert.That(entry.GetProperty("EventId").GetInt32(), Is.EqualTo(1001));
            Assert.That(entry.GetProperty("Message").GetString(), Does.StartWith("HoaxScreen cannot start: ").And.Contain("Model:Path '"));
            Assert.That(entry.GetProperty("State").GetProperty("Reason").GetString(), Does.Contain("missing"));
            Assert.That(output, Does.Contain("Model:Path '"), "quotes stay readable, not \\u0027");
        });
    }

    [Test]
    public void Run_JsonFormatter_WritesEveryStartupEntryAsOneJsonObjectPerLine()
    {
        var lines = RunUntil("Application started", $"--Model:Path={RepoPaths.DefaultModel}", JsonLogs);

        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var modelLoaded = entries.Single(entry => entry.GetProperty("EventId").GetInt32() == 1000);
        var version = ModelBundle.ReadManifest(RepoPaths.DefaultModel).Version;
        Assert.Multiple(() =>
        {
            foreach (var entry in entries)
            {
                Assert.That(
                    DateTimeOffset.TryParseExact(entry.GetProperty("Timestamp").GetString(), "yyyy-MM-ddTHH:mm:ss.fffZ", null, System.Globalization.DateTimeStyles.AssumeUniversal, out _),
                    Is.True,
                    entry.ToString());
                Assert.That(entry.GetProperty("LogLevel").GetString(), Is.Not.Empty);
                Assert.That(entry.GetProperty("Category").GetString(), Is.Not.Empty);
            }

            Assert.That(modelLoaded.GetProperty("Category").GetString(), Is.EqualTo("HoaxScreen.Api.Modeling.ModelReloader"));
            Assert.That(modelLoaded.GetProperty("State").GetProperty("Version").GetString(), Is.EqualTo(version));
            Assert.That(modelLoaded.GetProperty("Message").GetString(), Does.StartWith($"Loaded model {version} from "));
        });
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
        using var process = Process.Start(StartInfo(arguments))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the service did not exit");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Starts the service, collects its standard output up to the first line containing <paramref name="marker"/>, then stops it.</summary>
    private static List<string> RunUntil(string marker, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (lines.LastOrDefault()?.Contains(marker, StringComparison.Ordinal) != true)
            {
                var line = process.StandardOutput.ReadLineAsync(deadline.Token).AsTask().GetAwaiter().GetResult();
                if (line is null)
                {
                    Assert.Fail($"the service exited before logging '{marker}': {string.Join('\n', lines)} {stderr.Result}");
                }

                lines.Add(line!);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        return lines;
    }

    private static ProcessStartInfo StartInfo(string[] arguments) => ServiceProcess.StartInfo(arguments);
}
