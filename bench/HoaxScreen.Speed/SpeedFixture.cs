using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Speed;

/// <summary>What every in-process benchmark shares, loaded once per process: the default model and the texts.</summary>
public static class SpeedFixture
{
    public const string Tweet = "tweet";
    public const string Long = "2000ch";

    /// <summary>Number of ~2,000-character posts made from data/posts.csv.</summary>
    public const int LongCount = 256;

    private static readonly Lazy<ScoringModel> LazyModel = new(() => ModelBundleLoader.Load(BenchPaths.DefaultModel));
    private static readonly Lazy<string[]> LazyLong = new(() => Corpus.LongPosts(LongCount));

    public static ScoringModel Model => LazyModel.Value;

    public static string[] Texts(string kind) => kind switch
    {
        Tweet => [.. Corpus.Tweets],
        Long => LazyLong.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "tweet or 2000ch"),
    };

    /// <summary>
    /// The bundle's ML.NET chain exactly as saved, outside <see cref="ScoringModel"/> (so without its feature cache):
    /// an engine that reads only <c>Features</c> runs the featuriser alone, and an engine that reads the probabilities
    /// is what scoring cost before the cache.
    /// </summary>
    public static ITransformer RawChain(out MLContext ml)
    {
        ml = new MLContext(seed: 1);
        return ml.Model.Load(Path.Combine(BenchPaths.DefaultModel, ModelBundle.ModelFile), out _);
    }

    /// <summary>Output row of an engine that computes only the feature vector.</summary>
    public sealed class FeaturesRow
    {
        [ColumnName(ModelColumns.Features)]
        public VBuffer<float> Features { get; set; }
    }
}
