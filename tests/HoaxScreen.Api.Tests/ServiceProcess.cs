using System.Diagnostics;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Api.Tests;

/// <summary>The built service started as a real process, as an operator would (<c>dotnet HoaxScreen.Api.dll</c>), in Production.</summary>
internal static class ServiceProcess
{
    /// <summary>The service's assembly of the configuration these tests were built in.</summary>
    public static string ApiAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? "Release"
                : "Debug";
            return Path.Combine(RepoPaths.Root, "src", "HoaxScreen.Api", "bin", configuration, "net10.0", "HoaxScreen.Api.dll");
        }
    }

    /// <summary>The command line with <paramref name="arguments"/>, output redirected; add settings to its environment.</summary>
    public static ProcessStartInfo StartInfo(params IEnumerable<string> arguments)
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
        return start;
    }
}
