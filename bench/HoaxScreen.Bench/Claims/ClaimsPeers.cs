using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Bench.Claims;

/// <summary>Runs bench/peers/claims_peers.py over the work folder's index.csv and queries.csv and reads each peer's top 5 back.</summary>
public static class ClaimsPeers
{
    public const string Script = "bench/peers/claims_peers.py";

    public static IReadOnlyList<(string Name, string Display)> All { get; } = [("bm25", "BM25 peer"), ("tfidf", "TF-IDF char_wb 2-5 peer")];

    public static List<ClaimsSystemRun> Run(string python, string work, ClaimsBenchData data, IReadOnlyList<string> peers, TextWriter log)
    {
        ClaimsFiles.WritePeerInputs(work, data);
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(BenchPaths.Root, Script));
        start.ArgumentList.Add(work);
        start.ArgumentList.Add(string.Join(',', peers));
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";

        string? problem = null;
        try
        {
            using var process = Process.Start(start) ?? throw new Win32Exception($"could not start {python}");
            var lines = new List<string>();
            void Forward(string? line)
            {
                if (line is not null)
                {
                    lock (lines)
                    {
                        lines.Add(line);
                        log.WriteLine(line);
                    }
                }
            }

            process.ErrorDataReceived += (_, e) => Forward(e.Data);
            process.OutputDataReceived += (_, e) => Forward(e.Data);
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                lock (lines)
                {
                    problem = lines.LastOrDefault(l => l.StartsWith("unavailable:", StringComparison.Ordinal))
                        ?? $"failed (exit code {process.ExitCode}): {lines.LastOrDefault(l => l.Trim().Length > 0) ?? "no output"}";
                }
            }
        }
        catch (Win32Exception ex)
        {
            problem = $"unavailable: cannot run {python} ({ex.Message})";
        }

        var runs = new List<ClaimsSystemRun>();
        foreach (var name in peers)
        {
            var display = All.First(p => p.Name == name).Display;
            var top = Path.Combine(work, $"{name}.csv");
            if (!File.Exists(top))
            {
                runs.Add(ClaimsSystemRun.Failed(display, name, problem ?? "wrote no results", clock.Elapsed.TotalSeconds));
                continue;
            }

            using var info = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, $"{name}.json")));
            var root = info.RootElement;
            var config = $"{root.GetProperty("config").GetString()} ({(root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : "version unknown")})";
            runs.Add(new ClaimsSystemRun(display, config, ThresholdMode.Rule, Read(top, data.Queries.Count), root.GetProperty("seconds").GetDouble()));
        }

        return runs;
    }

    private static QueryAnswer[] Read(string path, int queries)
    {
        var lists = new List<(string Id, float Score)>?[queries];
        using (var reader = CsvRecordReader.Open(path))
        {
            if (reader.ReadRecord() is not ["qid", "rank", "claim_id", "score"])
            {
                throw new DataFormatException($"{path}: expected header qid,rank,claim_id,score");
            }

            while (reader.ReadRecord() is { } r)
            {
                if (r.Length != 4
                    || !int.TryParse(r[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var qid) || qid < 0 || qid >= queries
                    || !int.TryParse(r[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rank)
                    || !float.TryParse(r[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
                {
                    throw new DataFormatException($"{path}:{reader.RecordLine}: expected qid,rank,claim_id,score");
                }

                var list = lists[qid] ??= [];
                if (rank != list.Count + 1)
                {
                    throw new DataFormatException($"{path}:{reader.RecordLine}: rank {rank} out of order");
                }

                list.Add((r[2], score));
            }
        }

        return [.. lists.Select(l => l is null || l.Count == 0 ? QueryAnswer.None : new QueryAnswer([.. l.Select(x => x.Id)], l[0].Score, true, null))];
    }
}
