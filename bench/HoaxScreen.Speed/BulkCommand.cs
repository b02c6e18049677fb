using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;

namespace HoaxScreen.Speed;

/// <summary>
/// Bulk scoring beside the peers, on the same posts in the same run: HoaxScreen's <c>score</c> CLI (all labels, a
/// separate process, as a disconnected office runs it), fastText <c>predict-prob</c> (one label) and the scikit-learn
/// TF-IDF + logistic regression model (one label, and all labels on shared features). Model loading is excluded the
/// same way for both command-line tools: the run over the posts minus a run over an empty file. Each figure is the
/// median of <c>--runs</c> runs, HoaxScreen's and fastText's alternating (the 4× target uses the median of the paired
/// ratios); CPU seconds (getrusage of the child processes) give a per-core rate that other jobs on the machine disturb
/// less than wall time.
/// </summary>
public static partial class BulkCommand
{
    public const string DefaultLabel = "hate_speech";

    /// <summary>The quality peer's fastText settings (bench/peers/fasttext_peer.py) with its usual learning rate.</summary>
    private static readonly string[] FastTextSettings =
        ["-wordNgrams", "2", "-minn", "2", "-maxn", "5", "-epoch", "25", "-dim", "20", "-bucket", "200000", "-thread", "1", "-seed", "0", "-verbose", "0", "-lr", "0.5"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var count = int.Parse(BdnCommand.Option(ref args, "--posts") ?? "100000", CultureInfo.InvariantCulture);
        var runs = int.Parse(BdnCommand.Option(ref args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var label = BdnCommand.Option(ref args, "--label") ?? DefaultLabel;
        var output = BenchPaths.Resolve(BdnCommand.Option(ref args, "--out"), "bench/results/speed-bulk.md");
        if (args.Length > 0 || count < 1 || runs < 1)
        {
            stderr.WriteLine($"bulk: unexpected arguments: {string.Join(' ', args)}");
            stderr.WriteLine(SpeedApp.Usage);
            return 2;
        }

        var loadBefore = MachineInfo.LoadAverage();
        var work = Directory.CreateTempSubdirectory("hoaxscreen-speed-bulk-").FullName;
        try
        {
            var texts = Corpus.BulkTexts(out var source);
            var posts = Enumerable.Range(0, count).Select(i => texts[i % texts.Length]).ToArray();
            var postsCsv = Path.Combine(work, "posts.csv");
            var emptyCsv = Path.Combine(work, "empty.csv");
            PostsCsv.Write(postsCsv, posts);
            PostsCsv.Write(emptyCsv, []);
            stderr.WriteLine($"[bulk] {count:N0} posts from {source}, mean {Corpus.MeanLength(posts):F0} characters; {runs} runs each");

            var rows = new List<Row>();
            var notes = new List<string>();
            var labels = ModelBundle.ReadManifest(BenchPaths.DefaultModel).Labels.Count;
            var hoaxRuns = HoaxScreen(postsCsv, emptyCsv, work, stderr, tieredCompilation: false);
            var fastTextRuns = FastText(posts, label, work, stderr, notes);
            // Alternating runs: a neighbour's load that comes and goes hits both systems alike, and each pair gives a ratio.
            for (var run = 0; run < runs; run++)
            {
                hoaxRuns.Once();
                fastTextRuns?.Once();
            }

            rows.Add(HoaxScreenRow(hoaxRuns, work, count, labels, tieredCompilation: false));
            var tieredRuns = HoaxScreen(postsCsv, emptyCsv, work, stderr, tieredCompilation: true);
            for (var run = 0; run < runs; run++)
            {
                tieredRuns.Once();
            }

            var tiered = HoaxScreenRow(tieredRuns, work, count, labels, tieredCompilation: true);
            var pairedRatio = fastTextRuns is null ? double.NaN
                : Median(Enumerable.Range(0, runs).Select(i => fastTextRuns.WallSeconds(i) / hoaxRuns.WallSeconds(i)));
            var fastText = fastTextRuns is null ? null : FastTextRow(fastTextRuns, work, label, posts.Length);
            if (fastText is not null)
            {
                rows.Add(fastText);
                rows.Add(fastText with
                {
                    System = "fastText predict-prob, one model per label (estimated)",
                    Labels = rows[0].Labels,
                    WallSeconds = fastText.WallSeconds * rows[0].Labels,
                    CpuSeconds = fastText.CpuSeconds * rows[0].Labels,
                    Note = $"{rows[0].Labels} × the one-label time: fastText has no shared featurisation",
                });
            }

            // scikit-learn is 20-40× slower: three runs give its median.
            rows.AddRange(SciKitLearn(postsCsv, label, Math.Min(runs, 3), stderr, notes));
            rows.Insert(1, tiered);
            notes.Insert(0, "HoaxScreen with `DOTNET_TieredCompilation=1`: the same CLI with .NET's default tiered compilation (quick code " +
                "first, recompiled once hot). HoaxScreen.Training.csproj turns tiering off, so every method is compiled fully optimised " +
                "once: a little more start-up (excluded here with the model load), no warm-up while scoring; this row shows what that saves.");
            var markdown = Render(rows, notes, count, source, Corpus.MeanLength(posts), runs, label, loadBefore, pairedRatio);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            File.WriteAllText(output, markdown);
            stdout.WriteLine(markdown);
            stderr.WriteLine($"[bulk] results written to {BenchPaths.Display(output)}");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>One system's medians: wall and CPU seconds spent scoring <see cref="Posts"/> posts (loading excluded).</summary>
    public sealed record Row(string System, int Labels, int Posts, double WallSeconds, double CpuSeconds, string Note)
    {
        public double PostsPerSecond => Posts / WallSeconds;

        public double PostsPerCpuSecond => Posts / CpuSeconds;
    }

    /// <summary>
    /// One system's timed runs. Each run scores an empty file (the load time, subtracted) and then the posts, so the
    /// runs of two systems can alternate.
    /// </summary>
    private sealed class TimedRuns(string name, Func<string, ChildProcess.Result> run, string posts, string empty, TextWriter stderr)
    {
        public List<ChildProcess.Result> Full { get; } = [];

        public List<ChildProcess.Result> Empty { get; } = [];

        public void Once()
        {
            Empty.Add(run(empty));
            Full.Add(run(posts));
            stderr.WriteLine($"[bulk] {name} run {Full.Count}: {Full[^1].WallSeconds:F2} s wall, {Full[^1].CpuSeconds:F2} s CPU; empty file {Empty[^1].WallSeconds:F2} s");
        }

        /// <summary>Run <paramref name="index"/>'s scoring time: its posts minus its empty file.</summary>
        public double WallSeconds(int index) => Full[index].WallSeconds - Empty[index].WallSeconds;

        public double MedianWallSeconds => Median(Full.Select(r => r.WallSeconds)) - Median(Empty.Select(r => r.WallSeconds));

        public double MedianCpuSeconds => Median(Full.Select(r => r.CpuSeconds)) - Median(Empty.Select(r => r.CpuSeconds));
    }

    private static TimedRuns HoaxScreen(string postsCsv, string emptyCsv, string work, TextWriter stderr, bool tieredCompilation)
    {
        var dll = Path.Combine(BenchPaths.Root, "src", "HoaxScreen.Training", "bin", "Release", "net10.0", "HoaxScreen.Training.dll");
        if (!File.Exists(dll))
        {
            stderr.WriteLine("[bulk] building src/HoaxScreen.Training (Release)");
            var build = ChildProcess.Run("dotnet", ["build", Path.Combine(BenchPaths.Root, "src", "HoaxScreen.Training"), "-c", "Release", "--nologo", "-v", "q"]);
            if (build.ExitCode != 0 || !File.Exists(dll))
            {
                throw new InvalidOperationException($"building HoaxScreen.Training failed:\n{build.Stdout}\n{build.Stderr}");
            }
        }

        var model = BenchPaths.DefaultModel;
        var environment = tieredCompilation ? new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "1" } : null;
        var scores = Path.Combine(work, "scores.csv");
        return new TimedRuns(
            tieredCompilation ? "HoaxScreen (TC=1)" : "HoaxScreen",
            input => ChildProcess.Check(ChildProcess.Run("dotnet", [dll, "score", "--model", model, "--in", input, "--out", scores], environment: environment), "HoaxScreen score"),
            postsCsv,
            emptyCsv,
            stderr);
    }

    private static Row HoaxScreenRow(TimedRuns runs, string work, int count, int labels, bool tieredCompilation)
    {
        var lines = File.ReadLines(Path.Combine(work, "scores.csv")).Count() - 1;
        if (lines != count)
        {
            throw new InvalidOperationException($"HoaxScreen score wrote {lines} rows for {count} posts");
        }

        var reported = runs.Full
            .Select(r => DoneLine().Match(r.Stderr))
            .Where(m => m.Success)
            .Select(m => double.Parse(m.Groups["rate"].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture));
        return new Row(
            tieredCompilation ? "HoaxScreen `score` CLI, `DOTNET_TieredCompilation=1`" : "HoaxScreen `score` CLI (Release)",
            labels,
            count,
            runs.MedianWallSeconds,
            runs.MedianCpuSeconds,
            $"reads CSV on one thread, scores batches of 1,024 on one thread per core, writes CSV on another; its own timer (model loaded): {MachineInfo.Number(Median(reported))} posts/s");
    }

    private static TimedRuns? FastText(string[] posts, string label, string work, TextWriter stderr, List<string> notes)
    {
        var binary = Environment.GetEnvironmentVariable("FASTTEXT") is { Length: > 0 } given ? given : FindOnPath("fasttext");
        if (binary is null)
        {
            notes.Add("fastText: not installed (apt-get install -y fasttext); skipped.");
            return null;
        }

        var train = Path.Combine(work, "fasttext-train.txt");
        var labelled = 0;
        using (var writer = new StreamWriter(train, false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            foreach (var (text, value) in LabelledPosts(label))
            {
                writer.WriteLine($"__label__{(value ? 1 : 0)} {Prepare(text)}");
                labelled++;
            }
        }

        var prefix = Path.Combine(work, "fasttext-model");
        ChildProcess.Check(ChildProcess.Run(binary, ["supervised", "-input", train, "-output", prefix, .. FastTextSettings]), "fasttext supervised");
        var input = Path.Combine(work, "fasttext-posts.txt");
        var empty = Path.Combine(work, "fasttext-empty.txt");
        File.WriteAllLines(input, posts.Select(Prepare), new UTF8Encoding(false));
        File.WriteAllText(empty, string.Empty);
        var predictions = Path.Combine(work, "fasttext-out.txt");
        notes.Add($"fastText: {FastTextVersion(binary)}; one supervised model for `{label}` trained on data/posts.csv ({labelled:N0} rows) with " +
            $"the quality peer's settings ({string.Join(' ', FastTextSettings)}); input lower-cased with punctuation split off (not timed).");
        return new TimedRuns(
            "fastText",
            file => ChildProcess.Check(ChildProcess.Shell("exec \"$1\" predict-prob \"$2\" \"$3\" 2 > \"$4\"", binary, prefix + ".bin", file, predictions), "fasttext predict-prob"),
            input,
            empty,
            stderr);
    }

    private static Row FastTextRow(TimedRuns runs, string work, string label, int count)
    {
        var lines = File.ReadLines(Path.Combine(work, "fasttext-out.txt")).Count();
        if (lines != count)
        {
            throw new InvalidOperationException($"fasttext predict-prob wrote {lines} lines for {count} posts");
        }

        return new Row($"fastText predict-prob, `{label}`", 1, count, runs.MedianWallSeconds, runs.MedianCpuSeconds, "one thread, reads text, writes probabilities");
    }

    private static IEnumerable<Row> SciKitLearn(string postsCsv, string label, int runs, TextWriter stderr, List<string> notes)
    {
        const string python = "/usr/bin/python3";
        var script = Path.Combine(BenchPaths.Root, "bench", "speed", "sklearn_speed.py");
        if (!File.Exists(python))
        {
            notes.Add("scikit-learn: /usr/bin/python3 not found; skipped.");
            yield break;
        }

        var result = ChildProcess.Run(python, [script, BenchPaths.Posts, postsCsv, label, runs.ToString(CultureInfo.InvariantCulture)]);
        if (result.ExitCode != 0)
        {
            notes.Add($"scikit-learn: skipped ({result.Stderr.Trim().Split('\n')[^1]}).");
            yield break;
        }

        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        var posts = root.GetProperty("posts").GetInt32();
        var labels = root.GetProperty("labels").GetArrayLength();
        var one = Median(root.GetProperty("oneLabelSeconds").EnumerateArray().Select(e => e.GetDouble()));
        var all = Median(root.GetProperty("allLabelsSeconds").EnumerateArray().Select(e => e.GetDouble()));
        stderr.WriteLine($"[bulk] scikit-learn: one label {one:F2} s, all {labels} labels {all:F2} s (medians)");
        notes.Add($"scikit-learn {root.GetProperty("version").GetString()}: TF-IDF word 1-2 + char_wb 2-5-grams, liblinear logistic regression, trained on data/posts.csv; " +
            "only predict_proba is timed (in-process, so CPU = wall: one thread).");
        yield return new Row($"scikit-learn TF-IDF + LR, `{label}`", 1, posts, one, one, "predict_proba on raw texts (vectorising included)");
        yield return new Row("scikit-learn TF-IDF + LR, all labels", labels, posts, all, all, "vectorise once, one predict_proba per label");
    }

    private static string Render(List<Row> rows, List<string> notes, int count, string source, double meanLength, int runs, string label, string loadBefore, double pairedRatio)
    {
        var fastText = rows.FirstOrDefault(r => r.System.StartsWith("fastText", StringComparison.Ordinal) && r.Labels == 1);
        var md = new StringBuilder();
        md.AppendLine("### Bulk scoring beside the peers").AppendLine();
        md.AppendLine($"{count:N0} posts ({source}, cycled; mean {meanLength:F0} characters), the same posts for every system; " +
            $"median of {runs} runs (scikit-learn: {Math.Min(runs, 3)}), HoaxScreen's and fastText's alternating; model loading excluded (a run over an empty file subtracted). {Environment.ProcessorCount} cores; " +
            $"load average {loadBefore} before, {MachineInfo.LoadAverage()} after.").AppendLine();
        md.AppendLine("| system | labels | seconds | posts/s | label-scores/s | posts per CPU-second | posts/s ÷ fastText one label | note |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in rows)
        {
            var ratio = fastText is null ? "n/a" : (row.PostsPerSecond / fastText.PostsPerSecond).ToString("F2", CultureInfo.InvariantCulture) + "×";
            md.AppendLine($"| {row.System} | {row.Labels} | {row.WallSeconds:F2} | {MachineInfo.Number(row.PostsPerSecond)} | {MachineInfo.Number(row.PostsPerSecond * row.Labels)} | " +
                $"{MachineInfo.Number(row.PostsPerCpuSecond)} | {ratio} | {row.Note} |");
        }

        md.AppendLine();
        foreach (var note in notes)
        {
            md.AppendLine($"- {note}");
        }

        if (fastText is not null)
        {
            var hoax = rows[0];
            // The median of the per-pair ratios: each pair ran back to back, so a neighbour's load mostly cancels out.
            var ratio = pairedRatio;
            md.AppendLine($"- Target: HoaxScreen all labels ≥ 4× fastText one label (`{label}`): median of the {runs} paired ratios {ratio:F2}× " +
                $"(ratio of the medians {hoax.PostsPerSecond / fastText.PostsPerSecond:F2}×) → **{(ratio >= 4 ? "met" : "missed")}**.");
        }

        var perCore = rows[0].PostsPerCpuSecond;
        md.AppendLine($"- Target: ≥ 20,000 posts/s per core (all labels, tweet-length): HoaxScreen CLI {MachineInfo.Number(perCore)} posts per CPU-second → **{(perCore >= 20_000 ? "met" : "missed")}**.");
        return md.ToString();
    }

    private static IEnumerable<(string Text, bool Value)> LabelledPosts(string label)
    {
        using var reader = CsvRecordReader.Open(BenchPaths.Posts);
        var header = reader.ReadRecord() ?? throw new InvalidDataException("data/posts.csv is empty");
        var text = Array.IndexOf(header, "text");
        var column = Array.IndexOf(header, label);
        if (column < 0)
        {
            throw new InvalidDataException($"data/posts.csv has no column '{label}'");
        }

        while (reader.ReadRecord() is { } record)
        {
            if (record[column] is "0" or "1")
            {
                yield return (record[text], record[column] == "1");
            }
        }
    }

    // The fastText tutorial's preprocessing, as the quality peer does it: lower case, punctuation split off, one line.
    private static string Prepare(string text)
    {
        var spaced = Punctuation().Replace(text.ToLowerInvariant(), " $1 ");
        var joined = string.Join(' ', spaced.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return joined.Length == 0 ? "_" : joined;
    }


    private static string FastTextVersion(string binary)
    {
        var dpkg = ChildProcess.Run("dpkg-query", ["-W", "-f=${Version}", "fasttext"]);
        return dpkg.ExitCode == 0 && dpkg.Stdout.Length > 0 ? $"{binary} (Debian fasttext {dpkg.Stdout.Trim()})" : binary;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [GeneratedRegex(@"([.!?,'/()""])")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"done: [\d,]+ posts in [\d.]+ s \((?<rate>[\d,]+) posts/s\)")]
    private static partial Regex DoneLine();
}
