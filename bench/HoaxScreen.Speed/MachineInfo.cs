using System.Globalization;
using System.Runtime.InteropServices;

namespace HoaxScreen.Speed;

/// <summary>What the figures were measured on: cores, load average, runtime.</summary>
public static class MachineInfo
{
    /// <summary>The 1-, 5- and 15-minute load averages from /proc/loadavg (as uptime prints them), or "n/a".</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]}, {parts[1]}, {parts[2]}";
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    public static string Describe() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
        $"load average {LoadAverage()} at {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";

    public static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);
}
