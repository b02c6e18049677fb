using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using HoaxScreen.Api.Screening;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using Microsoft.ML;

namespace HoaxScreen.Speed;

/// <summary>
/// Where one post's time goes, each stage alone on one thread: normalise (TextNormalizer.Normalize); featurise only
/// (ML.NET text featuriser, an engine that reads only Features); featurise + classify all labels on pre-normalised
/// text (the scoring engine, with the feature cache); the same with the chain as saved (no cache: what it cost before);
/// the path serving takes (ScoringModel.Predict: the direct featuriser and linear heads, the engine for texts it leaves
/// to the chain); and serialising the /v1/screen response to JSON (web defaults, as ASP.NET does).
/// </summary>
[Config(typeof(SpeedConfig))]
public class BreakdownBenchmarks
{
    private ScoringModel _model = null!;
    private PredictionEngine<PostInput, PostProbabilities> _engine = null!;
    private PredictionEngine<PostInput, SpeedFixture.FeaturesRow> _featurizer = null!;
    private PredictionEngine<PostInput, PostProbabilities> _uncached = null!;
    private PostProbabilities _output = new();
    private SpeedFixture.FeaturesRow _features = new();
    private string[] _texts = [];
    private PostInput[] _normalized = [];
    private ScreenResponse[] _responses = [];
    private readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter _writer = null!;
    private int _next;

    [Params(SpeedFixture.Tweet, SpeedFixture.Long)]
    public string Posts { get; set; } = SpeedFixture.Tweet;

    [GlobalSetup]
    public void Setup()
    {
        _model = SpeedFixture.Model;
        _engine = _model.CreateEngine();
        var raw = SpeedFixture.RawChain(out var ml);
        _featurizer = ml.Model.CreatePredictionEngine<PostInput, SpeedFixture.FeaturesRow>(raw);
        _uncached = ml.Model.CreatePredictionEngine<PostInput, PostProbabilities>(raw);
        _texts = SpeedFixture.Texts(Posts);
        _normalized = [.. _texts.Select(t => new PostInput { Text = _model.Normalizer.Normalize(t) })];
        _responses = [.. _model.ScoreBatch(_texts).Select((v, i) => ScreenResponse.From($"post-{i}", _model.Version, v))];
        _writer = new Utf8JsonWriter(_buffer);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _engine.Dispose();
        _featurizer.Dispose();
        _uncached.Dispose();
        _writer.Dispose();
    }

    private int Next() => _next++ % _texts.Length;

    [Benchmark(Description = "normalise")]
    public string Normalise() => _model.Normalizer.Normalize(_texts[Next()]);

    [Benchmark(Description = "featurise only")]
    public SpeedFixture.FeaturesRow FeaturiseOnly()
    {
        _featurizer.Predict(_normalized[Next()], ref _features);
        return _features;
    }

    [Benchmark(Description = "featurise+classify (engine)")]
    public PostProbabilities FeaturiseClassify()
    {
        _engine.Predict(_normalized[Next()], ref _output);
        return _output;
    }

    [Benchmark(Description = "featurise+classify (served: direct path, engine for the rest)")]
    public PostProbabilities FeaturiseClassifyServed()
    {
        _model.Predict(_engine, _normalized[Next()].Text, _output);
        return _output;
    }

    [Benchmark(Description = "featurise+classify, chain as saved (before)")]
    public PostProbabilities FeaturiseClassifyUncached()
    {
        _uncached.Predict(_normalized[Next()], ref _output);
        return _output;
    }

    [Benchmark(Description = "JSON response")]
    public int Json()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, _responses[Next()], _json);
        return _buffer.WrittenCount;
    }
}
