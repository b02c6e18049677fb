using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HoaxScreen.Core.Data;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Bench;

/// <summary>A peer system: a Python script in bench/peers that follows the protocol described in peer_common.py.</summary>
public sealed record PeerSpec(string Name, string Display, string Script)
{
    public static IReadOnlyList<PeerSpec> All { get; } =
    [
        new("sklearn", "scikit-learn", "bench/peers/sklearn_peer.py"),
        new("fasttext", "fastText", "bench/peers/fasttext_peer.py"),
    ];
}

/// <summary>A peer's probabilities for one task, aligned with the task's validation and evaluation rows.</summary>
public sealed record PeerTaskResult(float[] Validation, float[] Evaluation, string Params, double FitSeconds);

/// <summary>What one peer run produced; <see cref="Problem"/> is set when it was unavailable or failed.</summary>
public sealed record PeerRun(
    PeerSpec Peer,
    string? Problem,
    double WallSeconds,
    double? CpuSeconds,
    string? Version,
    string? Config,
    IReadOnlyDictionary<string, PeerTaskResult> Tasks);

/// <summary>Writes the per-task files the peers read, runs each peer as a child process and reads its probabilities back.</summary>
public static class PeerRunner
{
    public const string TasksFile = "tasks.json";

    /// <summary>One folder per runnable task with train/validation/evaluation CSVs (id = post index, label 0/1, raw text).</summary>
    public static string WriteTaskFiles(string work, IReadOnlyList<TaskData> tasks)
    {
        var entries = new List<Dictionary<string, string>>();
        foreach (var task in tasks.Where(t => t.Runnable))
        {
            var folder = Path.Combine(work, "tasks", task.Task.Name);
            Directory.CreateDirectory(folder);
            foreach (var (part, file) in Parts)
            {
                using var writer = new StreamWriter(Path.Combine(folder, file), append: false, new UTF8Encoding(false)) { NewLine = "\n" };
                writer.WriteLine("id,label,text");
                foreach (var row in task.Part(part))
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Post},{(row.Truth ? 1 : 0)},{CsvText.Escape(row.Text)}"));
                }
            }

            entries.Add(new Dictionary<string, string> { ["name"] = task.Task.Name, ["dir"] = folder });
        }

        var path = Path.Combine(work, TasksFile);
        File.WriteAllText(path, JsonSerializer.Serialize(new { tasks = entries }, JsonDefaults.Options));
        return path;
    }

    private static readonly (SplitPart Part, string File)[] Parts =
    [
        (SplitPart.Train, "train.csv"),
        (SplitPart.Validation, "validation.csv"),
        (SplitPart.Evaluation, "evaluation.csv"),
    ];

    public static PeerRun Run(PeerSpec peer, string python, string tasksFile, IReadOnlyList<TaskData> tasks, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        var script = Path.Combine(BenchPaths.Root, peer.Script);
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(tasksFile);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";

        var lines = new List<string>();
        void Forward(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(line);
                stderr.WriteLine(line.StartsWith('[') ? line : $"[{peer.Name}] {line}");
            }
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"could not start {python}");
        }
        catch (Win32Exception ex)
        {
            return Failed(peer, $"unavailable: cannot run {python} ({ex.Message})", clock);
        }

        using (process)
        {
            process.ErrorDataReceived += (_, e) => Forward(e.Data);
            process.OutputDataReceived += (_, e) => Forward(e.Data);
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            process.WaitForExit();
            var seconds = clock.Elapsed.TotalSeconds;
            if (process.ExitCode != 0)
            {
                string reason;
                lock (lines)
                {
                    reason = lines.LastOrDefault(l => l.StartsWith("unavailable:", StringComparison.Ordinal))
                        ?? $"failed (exit code {process.ExitCode}): {lines.LastOrDefault(l => l.Trim().Length > 0) ?? "no output"}";
                }

                return Failed(peer, reason, clock);
            }

            var summary = ReadJson(Path.Combine(Path.GetDirectoryName(tasksFile)!, $"{peer.Name}.summary.json"));
            var results = new Dictionary<string, PeerTaskResult>();
            foreach (var task in tasks.Where(t => t.Runnable))
            {
                var folder = Path.Combine(Path.GetDirectoryName(tasksFile)!, "tasks", task.Task.Name);
                var info = ReadJson(Path.Combine(folder, $"{peer.Name}.json"));
                results[task.Task.Name] = new PeerTaskResult(
                    ReadProbabilities(Path.Combine(folder, $"{peer.Name}.validation.csv"), task.Part(SplitPart.Validation).ToList()),
                    ReadProbabilities(Path.Combine(folder, $"{peer.Name}.evaluation.csv"), task.Evaluation),
                    String(info, "params") ?? "",
                    Number(info, "seconds") ?? double.NaN);
            }

            return new PeerRun(peer, null, seconds, Number(summary, "cpuSeconds"), String(summary, "version"), String(summary, "config"), results);
        }
    }

    private static PeerRun Failed(PeerSpec peer, string reason, Stopwatch clock) =>
        new(peer, reason, clock.Elapsed.TotalSeconds, null, null, null, new Dictionary<string, PeerTaskResult>());

    /// <summary>Probabilities in the order of <paramref name="rows"/>; every row must have exactly one.</summary>
    private static float[] ReadProbabilities(string path, IReadOnlyList<TaskRow> rows)
    {
        var byId = new Dictionary<int, float>();
        using (var reader = CsvRecordReader.Open(path))
        {
            var header = reader.ReadRecord();
            if (header is not ["id", "probability"])
            {
                throw new DataFormatException($"{path}: expected header id,probability");
            }

            while (reader.ReadRecord() is { } record)
            {
                if (record.Length != 2
                    || !int.TryParse(record[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                    || !float.TryParse(record[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var probability)
                    || float.IsNaN(probability))
                {
                    throw new DataFormatException($"{path}:{reader.RecordLine}: expected id,probability");
                }

                if (!byId.TryAdd(id, probability))
                {
                    throw new DataFormatException($"{path}:{reader.RecordLine}: row {id} scored twice");
                }
            }
        }

        if (byId.Count != rows.Count)
        {
            throw new DataFormatException($"{path}: {byId.Count} probabilities for {rows.Count} rows");
        }

        return [.. rows.Select(r => byId.TryGetValue(r.Post, out var p) ? p : throw new DataFormatException($"{path}: no probability for row {r.Post}"))];
    }

    private static JsonElement? ReadJson(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    private static string? String(JsonElement? json, string name) =>
        json is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement? json, string name) =>
        json is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
