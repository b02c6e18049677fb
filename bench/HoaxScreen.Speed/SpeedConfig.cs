using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace HoaxScreen.Speed;

/// <summary>
/// A short job, in process (no generated project to build): 1 launch, 3 warm-up and 7 measured iterations of about
/// 250 ms each, so the whole suite stays well under three minutes on the 2-core machine. Medians are reported beside
/// means because other jobs may share the machine.
/// </summary>
public sealed class SpeedConfig : ManualConfig
{
    public static readonly string ArtifactsFolder = Path.Combine(Path.GetTempPath(), "hoaxscreen-speed-bdn");

    public SpeedConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(7)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        AddLogger(ConsoleLogger.Default);
        AddExporter(MarkdownExporter.GitHub);
        WithArtifactsPath(ArtifactsFolder);
        WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary);
    }
}
