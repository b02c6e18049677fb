using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HoaxScreen.Api.Screening;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;

namespace HoaxScreen.Speed;

/// <summary>
/// A quick Stopwatch breakdown (seconds, not minutes): where one post's time goes, per stage, with allocations.
/// BenchmarkDotNet gives the careful figures; this is for iterating on an optimisation.
/// </summary>
public static class ProfileCommand
{
    public static int Run(string[] args, TextWriter stdout)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 1.5;
        var load = Stopwatch.StartNew();
        var model = ModelBundleLoader.Load(BenchPaths.DefaultModel);
        stdout.WriteLine($"model load {load.ElapsedMilliseconds} ms, {Environment.ProcessorCount} cores");
        using var peer = SpeedFixture.Peer.CreateEngine();
        var peerOutput = new MlNetPeer.ScoresRow();
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var json = new Utf8JsonWriter(buffer);

        var sets = new List<(string, string[])> { ("tweet", Corpus.Tweets.ToArray()), ("2000ch", Corpus.LongPosts(256)) };
        if (args.Contains("--bulk"))
        {
            sets = [("bulk", Corpus.BulkTexts(out _).Take(5000).ToArray())];
        }

        foreach (var (name, posts) in sets)
        {
            var normalized = posts.Select(model.Normalizer.Normalize).ToArray();
            var verdicts = model.ScoreBatch(posts);
            var responses = verdicts.Select(v => ScreenResponse.From("post-1", model.Version, v)).ToArray();
            var output = new LabelScores();
            stdout.WriteLine($"-- {name}: {posts.Length} posts, mean {Corpus.MeanLength(posts):F0} chars");
            Measure(stdout, "normalise", seconds, posts.Length, i => model.Normalizer.Normalize(posts[i]));
            Measure(stdout, "analyse (tokens+offsets)", seconds, posts.Length, i => model.Normalizer.Analyze(posts[i]));
            Measure(stdout, "featurise", seconds, posts.Length, i => model.Classifier.Featurizer.Featurize(normalized[i], out _, out _));
            Measure(stdout, "featurise+classify", seconds, posts.Length, i => model.Predict(normalized[i], output));
            Measure(stdout, "peer: ML.NET chain (engine)", seconds, posts.Length, i => peer.Predict(new MlNetPeer.TextRow { Text = normalized[i] }, ref peerOutput));
            Measure(stdout, "score single (Score)", seconds, posts.Length, i => model.Score(posts[i]));
            Measure(stdout, "json response", seconds, posts.Length, i =>
            {
                buffer.ResetWrittenCount();
                json.Reset(buffer);
                JsonSerializer.Serialize(json, responses[i], options);
            });
            MeasureBatch(stdout, "ScoreBatch(256)", seconds, posts, 256, model);
            MeasureConcurrentBatches(stdout, seconds, posts, 32, 4, model);
            MeasureBatch(stdout, $"ScoreBatch({posts.Length})", seconds, posts, posts.Length, model);
        }

        return 0;
    }

    private static void Measure(TextWriter stdout, string name, double seconds, int count, Action<int> action)
    {
        // Warm up for a while, so tiered JIT has promoted the hot methods before the clock starts.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < Math.Min(0.5, seconds / 2))
        {
            for (var i = 0; i < Math.Min(count, 200); i++)
            {
                action(i);
            }
        }

        var calls = 0L;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < count; i++)
            {
                action(i);
            }

            calls += count;
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
        stdout.WriteLine($"  {name,-30} {elapsed / calls * 1e6,9:F2} µs/post  {calls / elapsed,10:N0} posts/s  {bytes / calls,8:N0} B/post  {cpuSeconds / calls * 1e6,9:F2} cpu-µs/post");
    }

    // Like /v1/screen/batch under load: several callers at once, each scoring small batches (which stay on its thread).
    private static void MeasureConcurrentBatches(TextWriter stdout, double seconds, string[] posts, int size, int callers, ScoringModel model)
    {
        var chunks = posts.Chunk(size).Where(c => c.Length == size).ToArray();
        void Loop(double duration, ref long count)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; clock.Elapsed.TotalSeconds < duration; i++)
            {
                count += model.ScoreBatch(chunks[i % chunks.Length]).Count;
            }
        }

        var warm = 0L;
        Parallel.For(0, callers, new ParallelOptions { MaxDegreeOfParallelism = callers }, _ => { var c = 0L; Loop(0.5, ref c); Interlocked.Add(ref warm, c); });
        var total = 0L;
        var bytes = GC.GetTotalAllocatedBytes(precise: false);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, callers).Select(_ => new Thread(() => { var c = 0L; Loop(seconds, ref c); Interlocked.Add(ref total, c); })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var elapsed = wall.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        bytes = GC.GetTotalAllocatedBytes(precise: false) - bytes;
        stdout.WriteLine($"  {$"{callers} callers × ScoreBatch({size})",-30} {elapsed / total * 1e6,9:F2} µs/post  {total / elapsed,10:N0} posts/s  {bytes / total,8:N0} B/post  {cpuSeconds / total * 1e6,9:F2} cpu-µs/post");
    }

    private static void MeasureBatch(TextWriter stdout, string name, double seconds, string[] posts, int size, ScoringModel model)
    {
        var chunks = posts.Chunk(size).Where(c => c.Length == size).ToArray();
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 0.5)
        {
            model.ScoreBatch(chunks[0]);
        }

        var calls = 0L;
        var bytes = GC.GetTotalAllocatedBytes(precise: false);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var chunk in chunks)
            {
                model.ScoreBatch(chunk);
                calls += chunk.Length;
            }
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        bytes = GC.GetTotalAllocatedBytes(precise: false) - bytes;
        stdout.WriteLine($"  {name,-30} {elapsed / calls * 1e6,9:F2} µs/post  {calls / elapsed,10:N0} posts/s  {bytes / calls,8:N0} B/post  {cpuSeconds / calls * 1e6,9:F2} cpu-µs/post");
    }
}
