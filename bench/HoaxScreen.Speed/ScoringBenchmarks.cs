using BenchmarkDotNet.Attributes;
using HoaxScreen.Core.Scoring;

namespace HoaxScreen.Speed;

/// <summary>
/// End-to-end in-process scoring with models/default, all labels: one post (<see cref="ScoringModel.Score"/>, what
/// /v1/screen does) and a batch of 256 (<see cref="ScoringModel.ScoreBatch"/>, what /v1/screen/batch does, on the
/// calling thread). Each call takes the next post of the corpus, so the figures are means over all of it. Batch
/// figures are per post (OperationsPerInvoke = 256).
/// </summary>
[Config(typeof(SpeedConfig))]
public class ScoringBenchmarks
{
    public const int BatchSize = 256;

    private ScoringModel _model = null!;
    private string[] _texts = [];
    private string[][] _batches = [];
    private int _next;

    [Params(SpeedFixture.Tweet, SpeedFixture.Long)]
    public string Posts { get; set; } = SpeedFixture.Tweet;

    [GlobalSetup]
    public void Setup()
    {
        _model = SpeedFixture.Model;
        _texts = SpeedFixture.Texts(Posts);
        _batches = [.. _texts.Chunk(BatchSize).Where(b => b.Length == BatchSize)];
        if (_batches.Length == 0)
        {
            _batches = [[.. Enumerable.Range(0, BatchSize).Select(i => _texts[i % _texts.Length])]];
        }
    }

    [Benchmark(Description = "single post (Score)")]
    public PostVerdict SinglePost() => _model.Score(_texts[_next++ % _texts.Length]);

    [Benchmark(Description = "batch of 256 (ScoreBatch), per post", OperationsPerInvoke = BatchSize)]
    public IReadOnlyList<PostVerdict> Batch256() => _model.ScoreBatch(_batches[_next++ % _batches.Length]);
}
