using System.Diagnostics;
using System.Globalization;
using HoaxScreen.Core.Claims;

namespace HoaxScreen.Speed;

/// <summary>
/// claims-import: importing a generated store (100,000 claims by default, the canonical CSV with every column) with
/// the real CLI (<c>claims import</c>, Release build) into a fresh SQLite file, then again into the same file (every
/// record unchanged), median of a few runs; and in-process, the two steps the CLI takes (read and check the file, one
/// upsert transaction) apart.
/// </summary>
public static class ClaimsImportCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var at = Array.IndexOf(args, "--claims");
        var claimCount = at >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 100_000;
        at = Array.IndexOf(args, "--runs");
        var runs = at >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 3;
        stdout.WriteLine($"claims-import: {claimCount:N0} generated claims, {runs} runs; {MachineInfo.Describe()}");

        var folder = Directory.CreateTempSubdirectory("hoaxscreen-claims-import-").FullName;
        try
        {
            var csv = Path.Combine(folder, "claims.csv");
            ClaimsCorpus.Generate(claimCount, 0).WriteCsv(csv);
            stdout.WriteLine($"  {BenchPaths.Display(csv)}: {new FileInfo(csv).Length / 1e6:F1} MB");

            var dll = Path.Combine(BenchPaths.Root, "src", "HoaxScreen.Training", "bin", "Release", "net10.0", "HoaxScreen.Training.dll");
            if (!File.Exists(dll))
            {
                stderr.WriteLine("[claims-import] building src/HoaxScreen.Training (Release)");
                var build = ChildProcess.Run("dotnet", ["build", Path.Combine(BenchPaths.Root, "src", "HoaxScreen.Training"), "-c", "Release", "--nologo", "-v", "q"]);
                if (build.ExitCode != 0)
                {
                    stderr.WriteLine(build.Stdout + build.Stderr);
                    return 1;
                }
            }

            var fresh = new List<double>();
            var again = new List<double>();
            var inRead = new List<double>();
            var inUpsert = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var db = Path.Combine(folder, $"cli-{run}.db");
                var first = ChildProcess.Run("dotnet", [dll, "claims", "import", "--db", db, "--in", csv]);
                var second = ChildProcess.Run("dotnet", [dll, "claims", "import", "--db", db, "--in", csv]);
                if (first.ExitCode != 0 || second.ExitCode != 0)
                {
                    stderr.WriteLine(first.Stdout + first.Stderr + second.Stdout + second.Stderr);
                    return 1;
                }

                if (run == 0)
                {
                    stdout.WriteLine("  CLI said: " + first.Stdout.Trim().Replace("\n", " / ", StringComparison.Ordinal));
                    stdout.WriteLine("  again:    " + second.Stdout.Trim().Replace("\n", " / ", StringComparison.Ordinal));
                }

                fresh.Add(first.WallSeconds);
                again.Add(second.WallSeconds);

                var clock = Stopwatch.StartNew();
                var batch = ClaimImport.Load(csv);
                inRead.Add(clock.Elapsed.TotalSeconds);
                clock.Restart();
                ClaimStore.Open(Path.Combine(folder, $"in-process-{run}.db")).Upsert(batch.Claims);
                inUpsert.Add(clock.Elapsed.TotalSeconds);
            }

            stdout.WriteLine();
            stdout.WriteLine($"| {claimCount:N0} claims (median of {runs}) | seconds |");
            stdout.WriteLine("| --- | ---: |");
            stdout.WriteLine($"| CLI `claims import` into a fresh store (process start included) | {Median(fresh):F2} |");
            stdout.WriteLine($"| CLI `claims import` of the same file again (all unchanged) | {Median(again):F2} |");
            stdout.WriteLine($"| in process: read and check the CSV (ClaimImport.Load) | {Median(inRead):F2} |");
            stdout.WriteLine($"| in process: one upsert transaction into a fresh store (ClaimStore.Upsert) | {Median(inUpsert):F2} |");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
