using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using HoaxScreen.Api.Screening;
using HoaxScreen.Core.Scoring;
using Microsoft.ML;

namespace HoaxScreen.Speed;

/// <summary>
/// Where one post's time goes, each stage alone on one thread: normalise (TextNormalizer.Normalize); featurise
/// (NgramFeaturizer, the one featuriser of training and serving); featurise + classify all labels (TextClassifier.Predict,
/// what serving does); the ML.NET peer (FeaturizeText and a classifier per label through a prediction engine, featurised
/// alone and whole: the path serving would take without its own featuriser); and serialising the /v1/screen response
/// to JSON (web defaults, as ASP.NET does).
/// </summary>
[Config(typeof(SpeedConfig))]
public class BreakdownBenchmarks
{
    private ScoringModel _model = null!;
    private PredictionEngine<MlNetPeer.TextRow, MlNetPeer.ScoresRow> _peer = null!;
    private PredictionEngine<MlNetPeer.TextRow, MlNetPeer.FeaturesRow> _peerFeaturizer = null!;
    private readonly LabelScores _output = new();
    private MlNetPeer.ScoresRow _peerOutput = new();
    private MlNetPeer.FeaturesRow _peerFeatures = new();
    private string[] _texts = [];
    private string[] _normalized = [];
    private MlNetPeer.TextRow[] _peerInputs = [];
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
        _peer = SpeedFixture.Peer.CreateEngine();
        _peerFeaturizer = SpeedFixture.Peer.CreateFeaturizerEngine();
        _texts = SpeedFixture.Texts(Posts);
        _normalized = [.. _texts.Select(_model.Normalizer.Normalize)];
        _peerInputs = [.. _normalized.Select(t => new MlNetPeer.TextRow { Text = t })];
        _responses = [.. _model.ScoreBatch(_texts).Select((v, i) => ScreenResponse.From($"post-{i}", _model.Version, v))];
        _writer = new Utf8JsonWriter(_buffer);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _peer.Dispose();
        _peerFeaturizer.Dispose();
        _writer.Dispose();
    }

    private int Next() => _next++ % _texts.Length;

    [Benchmark(Description = "normalise")]
    public string Normalise() => _model.Normalizer.Normalize(_texts[Next()]);

    [Benchmark(Description = "featurise (NgramFeaturizer)")]
    public int Featurise()
    {
        _model.Classifier.Featurizer.Featurize(_normalized[Next()], out var slots, out _);
        return slots.Length;
    }

    [Benchmark(Description = "featurise+classify (served: TextClassifier)")]
    public LabelScores FeaturiseClassify()
    {
        _model.Predict(_normalized[Next()], _output);
        return _output;
    }

    [Benchmark(Description = "peer: ML.NET FeaturizeText only (engine)")]
    public MlNetPeer.FeaturesRow PeerFeaturise()
    {
        _peerFeaturizer.Predict(_peerInputs[Next()], ref _peerFeatures);
        return _peerFeatures;
    }

    [Benchmark(Description = "peer: ML.NET FeaturizeText + classifiers (engine)")]
    public MlNetPeer.ScoresRow PeerFeaturiseClassify()
    {
        _peer.Predict(_peerInputs[Next()], ref _peerOutput);
        return _peerOutput;
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
