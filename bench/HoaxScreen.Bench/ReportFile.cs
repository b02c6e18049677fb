using System.Diagnostics;

namespace HoaxScreen.Bench;

/// <summary>How every bench command ends: the Markdown report on stdout and in its file, and one line saying where.</summary>
public static class ReportFile
{
    public static int Publish(string report, string outPath, Stopwatch wall, TextWriter stdout, TextWriter stderr)
    {
        stdout.Write(report);
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        File.WriteAllText(outPath, report);
        stderr.WriteLine($"[bench] wrote {BenchPaths.Display(outPath)} in {wall.Elapsed.TotalSeconds:F0} s");
        return 0;
    }
}
