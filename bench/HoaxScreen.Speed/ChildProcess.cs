using System.Diagnostics;
using System.Runtime.InteropServices;

namespace HoaxScreen.Speed;

/// <summary>Runs a command to completion and measures its wall time and the CPU time it (and its children) used.</summary>
public static partial class ChildProcess
{
    public sealed record Result(int ExitCode, double WallSeconds, double CpuSeconds, string Stdout, string Stderr);

    public static Result Run(string file, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? BenchPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var cpuBefore = ChildrenCpuSeconds();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var wall = clock.Elapsed.TotalSeconds;
        var cpu = ChildrenCpuSeconds() - cpuBefore;
        return new Result(process.ExitCode, wall, cpu, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary><paramref name="result"/> when the child succeeded; otherwise an exception naming <paramref name="what"/> and its stderr.</summary>
    public static Result Check(Result result, string what) =>
        result.ExitCode == 0 ? result : throw new InvalidOperationException($"{what} exited with {result.ExitCode}: {result.Stderr.Trim()}");

    /// <summary>Runs a shell command line (for output redirection).</summary>
    public static Result Shell(string commandLine, params string[] positional) =>
        Run("/bin/sh", ["-c", commandLine, "sh", .. positional]);

    /// <summary>User + system CPU seconds of all waited-for child processes of this process so far (getrusage).</summary>
    public static double ChildrenCpuSeconds()
    {
        if (!OperatingSystem.IsLinux() || GetRusage(RusageChildren, out var usage) != 0)
        {
            return double.NaN;
        }

        return usage.UserSeconds + (usage.UserMicroseconds / 1e6) + usage.SystemSeconds + (usage.SystemMicroseconds / 1e6);
    }

    private const int RusageChildren = -1;

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;

        // The 14 long counters after the two timevals; unused here.
        public long Counter1, Counter2, Counter3, Counter4, Counter5, Counter6, Counter7;
        public long Counter8, Counter9, Counter10, Counter11, Counter12, Counter13, Counter14;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out Rusage usage);
}
