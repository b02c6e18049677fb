using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;

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

    private static readonly Lazy<MlNetPeer> LazyPeer = new(() => MlNetPeer.Fit(Model, [.. Corpus.Tweets]));

    /// <summary>
    /// The road not taken (issue 24): ML.NET's own text featuriser (the settings HoaxScreen trained with until format 2)
    /// and one SDCA classifier per label, scored through a prediction engine, fitted on the tweets with the served
    /// model's verdicts as labels. What serving would cost if it went back to the ML.NET chain.
    /// </summary>
    public static MlNetPeer Peer => LazyPeer.Value;
}
