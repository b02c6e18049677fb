using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using NUnit.Framework;

namespace HoaxScreen.Tests.Shared;

/// <summary>
/// A real PostgreSQL for the store tests: the server named by <see cref="EnvironmentVariable"/> when set, else a
/// throwaway one this test process starts (Debian's <c>postgresql</c>: initdb and pg_ctl in a temporary folder, on
/// 127.0.0.1 at a free port, trust authentication, run as the <c>postgres</c> user when the tests run as root) and
/// stops when it exits. Where neither works the test is ignored with the reason, never failed.
/// </summary>
internal static class TestPostgres
{
    /// <summary>An admin connection string to an existing server (it must be allowed to create databases).</summary>
    public const string EnvironmentVariable = "HOAXSCREEN_TEST_PG";

    private static readonly Lazy<(string? Admin, string? Problem)> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to a new, empty database of its own; ignores the test when no server can run.</summary>
    public static string NewDatabase()
    {
        var (admin, problem) = Server.Value;
        if (admin is null)
        {
            Assert.Ignore($"PostgreSQL is not available: {problem}");
        }

        var name = "hoaxscreen_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    private static (string? Admin, string? Problem) Start()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            return Reachable(given) is { } unreachable ? (null, $"{EnvironmentVariable}: {unreachable}") : (given, null);
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(folder => Path.Combine(folder, "bin"))
                .Where(folder => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")))
                .OrderByDescending(folder => int.TryParse(Path.GetFileName(Path.GetDirectoryName(folder)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        if (bin is null)
        {
            return (null, $"no server binaries under /usr/lib/postgresql (install Debian's postgresql, or set {EnvironmentVariable})");
        }

        DeleteStoppedServers();

        // initdb refuses to run as root: the cluster belongs to the postgres user then.
        var asRoot = Environment.UserName == "root";
        var folder = Directory.CreateTempSubdirectory("hoaxscreen-pg-").FullName;
        var data = Path.Combine(folder, "data");
        try
        {
            if (asRoot && Run(asRoot: false, "chown", "postgres:postgres", folder) is { } chown)
            {
                return (null, $"cannot hand {folder} to the postgres user: {chown}");
            }

            if (Run(asRoot, Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync") is { } initdb)
            {
                return (null, $"initdb failed: {initdb}");
            }

            var port = FreePort();
            var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
            if (Run(asRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", options, "start") is { } start)
            {
                return (null, $"pg_ctl start failed: {start}");
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                Run(asRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop");
                TryDelete(folder);
            };
            StopWhenThisProcessEnds(asRoot, Path.Combine(bin, "pg_ctl"), data, folder);
            var admin = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
            return Reachable(admin) is { } problem ? (null, problem) : (admin, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>
    /// A watchdog that stops the server and removes its folder once this process is gone: the test runner may end a test
    /// host without running its exit handlers, and a server left behind would hold a port and memory until reboot.
    /// </summary>
    private static void StopWhenThisProcessEnds(bool asRoot, string pgCtl, string data, string folder)
    {
        var script = $"exec </dev/null >/dev/null 2>&1; while [ -d /proc/{Environment.ProcessId} ]; do sleep 1; done; " +
                     $"'{pgCtl}' -D '{data}' -m immediate -w stop; rm -rf '{folder}'";
        var start = new ProcessStartInfo(asRoot ? "runuser" : "sh") { UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var argument in (asRoot ? new[] { "-u", "postgres", "--", "sh" } : []).Concat(["-c", script]))
        {
            start.ArgumentList.Add(argument);
        }

        Process.Start(start)?.Dispose();
    }

    /// <summary>Folders of earlier runs whose server is not running (a test host killed before it could clean up).</summary>
    private static void DeleteStoppedServers()
    {
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), "hoaxscreen-pg-*"))
        {
            if (!File.Exists(Path.Combine(stale, "data", "postmaster.pid")))
            {
                TryDelete(stale);
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is not a test failure; the next run removes it.
        }
    }

    private static string? Reachable(string connectionString)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return ex.Message;
        }
    }

    /// <summary>Runs a program to its end; null when it succeeded, else the last line it printed.</summary>
    private static string? Run(bool asRoot, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(asRoot ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        if (asRoot)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var lines = (error.Result + output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return process.ExitCode == 0 ? null : lines.LastOrDefault() ?? $"exit code {process.ExitCode}";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
