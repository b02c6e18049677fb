using System.Collections.Concurrent;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// A loaded model bundle: the ML.NET chain (featurise once, one classifier per label), its manifest
/// and the normaliser it was trained with. Immutable and thread-safe; <see cref="PredictionEngine{TSrc,TDst}"/>
/// instances from <see cref="CreateEngine"/> are not, so callers pool them.
/// </summary>
public sealed class ScoringModel
{
    /// <summary>Batches of at least twice this many posts are split into chunks of this size and scored on all cores.</summary>
    internal const int ParallelChunk = 64;

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly double[] _thresholds;
    private readonly string[] _labels;

    // Engines for ScoreBatch's workers and callers (~400 KB each, ~4 ms to build). Up to four per core are kept, enough
    // for the API's concurrent batch requests (twice the cores by default) without building and dropping engines under load.
    private readonly ConcurrentBag<PredictionEngine<PostInput, PostProbabilities>> _batchEngines = [];
    private readonly int _maxBatchEngines = Environment.ProcessorCount * 4;

    // Null when the bundle has no feature weights or the fast path does not score as the chain does, and, when built in
    // the background, until it is ready. Read once per post: a post is scored wholly by one path.
    private DirectScorer? _direct;

    private ScoringModel(
        MLContext ml, ITransformer transformer, ModelManifest manifest, string directory, Lexicon lexicon, FeatureWeights? featureWeights, bool directPathInBackground)
    {
        _ml = ml;
        var cached = FeatureCache.Insert(ml, transformer);
        // One copy of the label weights (a dense float per feature and label) for both shortcuts.
        var heads = LinearHeads.Extract(transformer, manifest.Labels.Count);
        _transformer = heads is null ? cached : LinearHeads.FuseIfEquivalent(ml, transformer, cached, heads);
        if (heads is null)
        {
            DirectPathReady = Task.FromResult(false);
        }
        else if (directPathInBackground)
        {
            DirectPathReady = Task.Run(() => BuildDirectPath(ml, transformer, cached, manifest, featureWeights, heads));
        }
        else
        {
            DirectPathReady = Task.FromResult(BuildDirectPath(ml, transformer, cached, manifest, featureWeights, heads));
        }

        Manifest = manifest;
        Directory = directory;
        _labels = [.. manifest.Labels.Select(l => l.Name)];
        Labels = _labels;
        _thresholds = [.. manifest.Labels.Select(l => l.Threshold)];
        Normalizer = new TextNormalizer(manifest.Normalizer, lexicon);
    }

    public ModelManifest Manifest { get; }

    public string Directory { get; }

    public IReadOnlyList<string> Labels { get; }

    public TextNormalizer Normalizer { get; }

    public string Version => Manifest.Version;

    /// <summary>Whether most posts skip ML.NET's row pipeline (the bundle has feature weights that reproduce the chain).</summary>
    public bool HasDirectPath => Volatile.Read(ref _direct) is not null;

    /// <summary>
    /// Completes with whether the fast path is on: at once unless <see cref="Load(string, bool)"/> was asked to build it
    /// in the background; faults if building it failed (the chain keeps scoring).
    /// </summary>
    public Task<bool> DirectPathReady { get; }

    /// <summary>The fast path alone, for tests that compare it with the chain.</summary>
    internal DirectScorer? Direct => Volatile.Read(ref _direct);

    private bool BuildDirectPath(MLContext ml, ITransformer transformer, ITransformer cached, ModelManifest manifest, FeatureWeights? featureWeights, LinearHeads.HeadScorer heads)
    {
        var direct = DirectScorer.TryCreate(ml, transformer, cached, manifest, featureWeights, heads);
        Volatile.Write(ref _direct, direct);
        return direct is not null;
    }

    /// <summary>
    /// Loads and checks a bundle folder: manifest, every file against the manifest's sizes and hashes
    /// (<see cref="ModelBundle.VerifyFiles"/>), model file, output schema, and a canary post.
    /// </summary>
    public static ScoringModel Load(string bundleDirectory) => Load(bundleDirectory, directPathInBackground: false);

    /// <summary>
    /// <see cref="Load(string)"/>; with <paramref name="directPathInBackground"/>, the fast path's tables (most of the
    /// load time for a large vocabulary: 0.8 s of 1.7 s for a model of all the public data) are built on the thread pool
    /// after this returns, and posts go through the chain, with the same scores, until <see cref="DirectPathReady"/>.
    /// </summary>
    public static ScoringModel Load(string bundleDirectory, bool directPathInBackground)
    {
        var directory = Path.GetFullPath(bundleDirectory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new ModelBundleException($"{directory}: model folder not found");
        }

        // The model file (the slow part: deserialising it and JIT-compiling ML.NET) and the lexicons load on the thread
        // pool while the manifest is read and checked here. Errors surface in the same order as when loading one by one.
        var modelPath = Path.Combine(directory, ModelBundle.ModelFile);
        NgramFeaturizer.StartPreparing();
        var ml = new MLContext(seed: 1);
        var loading = File.Exists(modelPath) ? Task.Run(() => ml.Model.Load(modelPath, out _)) : null;
        var lexicons = Task.Run(() => Lexicon.LoadFolder(directory));
        var featureWeights = Task.Run(() => FeatureWeightsFile.Read(directory));
        ModelManifest manifest;
        try
        {
            manifest = ModelBundle.ReadManifest(directory);
            if (manifest.Normalizer.Version != NormalizerSettings.CurrentVersion)
            {
                throw new ModelBundleException(
                    $"{directory}: normaliser version {manifest.Normalizer.Version} is not supported (expected {NormalizerSettings.CurrentVersion}); retrain the bundle");
            }

            // Every file against its size and SHA-256 in the manifest, so a partial copy or an edited lexicon is refused
            // rather than served under the same version. Hashing (5 MB for models/default) overlaps the model load above.
            ModelBundle.VerifyFiles(directory, manifest);
            if (loading is null)
            {
                throw new ModelBundleException($"{directory}: no {ModelBundle.ModelFile} in the bundle");
            }
        }
        catch
        {
            Observe(loading);
            Observe(lexicons);
            Observe(featureWeights);
            throw;
        }

        ITransformer transformer;
        try
        {
            transformer = loading.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or InvalidDataException or IOException or ArgumentException)
        {
            Observe(lexicons);
            Observe(featureWeights);
            throw new ModelBundleException($"{modelPath}: not a readable ML.NET model ({ex.Message.Split('\n')[0]})", ex);
        }
        catch
        {
            Observe(lexicons);
            Observe(featureWeights);
            throw;
        }

        var lexicon = lexicons.GetAwaiter().GetResult();
        var model = new ScoringModel(ml, transformer, manifest, directory, lexicon, featureWeights.GetAwaiter().GetResult(), directPathInBackground);
        model.CheckSchema();
        return model;
    }

    // A task whose failure no longer matters (an earlier check failed): observe it, so it is not reported as unobserved.
    private static void Observe(Task? task) =>
        task?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>A new prediction engine over this model; not thread-safe, so pool it.</summary>
    public PredictionEngine<PostInput, PostProbabilities> CreateEngine() =>
        _ml.Model.CreatePredictionEngine<PostInput, PostProbabilities>(_transformer);

    /// <summary>Scores one post with an engine the caller owns; throws <see cref="ScoringBudgetException"/> over <paramref name="budget"/>.</summary>
    public PostVerdict Score(PredictionEngine<PostInput, PostProbabilities> engine, string text, PostProbabilities? reuse = null, ScoringBudget? budget = null)
    {
        return ScoreNormalized(engine, NormalizeWithin(text, budget, index: 0), reuse);
    }

    /// <summary>
    /// <see cref="Score"/> for a post already through <see cref="Normalizer"/>: callers that need the normalised text
    /// for something else as well (known-claim matching) normalise once.
    /// </summary>
    public PostVerdict ScoreNormalized(PredictionEngine<PostInput, PostProbabilities> engine, string normalizedText, PostProbabilities? reuse = null)
    {
        var output = reuse ?? new PostProbabilities();
        Predict(engine, normalizedText, output);
        return ToVerdict(output.Probabilities);
    }

    /// <summary>The normalised text of a post, refused when it is longer than the budget allows.</summary>
    private string NormalizeWithin(string text, ScoringBudget? budget, int index)
    {
        var normalized = Normalizer.Normalize(text);
        if (budget is not null && normalized.Length > budget.MaxNormalizedLength)
        {
            throw new ScoringBudgetException(index, normalized.Length, budget.MaxNormalizedLength);
        }

        return normalized;
    }

    /// <summary>
    /// Every label's probability and margin for a normalised text: through the fast path when the bundle has one and
    /// the text is one it reproduces exactly, otherwise through <paramref name="engine"/>. Same numbers either way.
    /// </summary>
    public void Predict(PredictionEngine<PostInput, PostProbabilities> engine, string normalizedText, PostProbabilities output)
    {
        if (Volatile.Read(ref _direct)?.TryScore(normalizedText, output) != true)
        {
            engine.Predict(new PostInput { Text = normalizedText }, ref output);
        }
    }

    /// <summary>Scores one post and explains the labels <paramref name="explainLabel"/> selects (see <see cref="PostExplainer"/>).</summary>
    public (PostVerdict Verdict, IReadOnlyList<LabelExplanation> Explanations) Explain(
        PredictionEngine<PostInput, PostProbabilities> engine,
        string text,
        Func<LabelVerdict, bool> explainLabel,
        int topWords = 5,
        ScoringBudget? budget = null,
        CancellationToken cancellationToken = default) =>
        PostExplainer.Explain(this, engine, text, explainLabel, topWords, budget ?? ScoringBudget.Unlimited, cancellationToken);

    /// <summary>
    /// Scores many posts; results keep the input order and equal <see cref="Score"/>'s for each post. A batch of fewer
    /// than 2 × <see cref="ParallelChunk"/> posts is scored on the calling thread; a larger one in chunks on all cores,
    /// each worker with a pooled engine. Stops between posts when <paramref name="cancellationToken"/> is cancelled, and
    /// at the first post over <paramref name="budget"/> (<see cref="ScoringBudgetException"/> names it).
    /// </summary>
    public IReadOnlyList<PostVerdict> ScoreBatch(
        IReadOnlyList<string> texts, ScoringBudget? budget = null, CancellationToken cancellationToken = default)
    {
        var verdicts = new PostVerdict[texts.Count];
        if (texts.Count < 2 * ParallelChunk || Environment.ProcessorCount == 1)
        {
            ScoreRange(texts, verdicts, 0, texts.Count, budget, cancellationToken);
            return verdicts;
        }

        var chunks = (texts.Count + ParallelChunk - 1) / ParallelChunk;
        try
        {
            Parallel.For(
                0,
                chunks,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                chunk => ScoreRange(texts, verdicts, chunk * ParallelChunk, Math.Min(texts.Count, (chunk + 1) * ParallelChunk), budget, cancellationToken));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.FirstOrDefault(e => e is ScoringBudgetException or OperationCanceledException) is { } first)
        {
            // The caller sees the same exception as for a small batch: the earliest over-budget post, or the cancellation.
            var overBudget = ex.InnerExceptions.OfType<ScoringBudgetException>().MinBy(e => e.Index);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(overBudget ?? first);
        }

        return verdicts;
    }

    private void ScoreRange(
        IReadOnlyList<string> texts, PostVerdict[] verdicts, int from, int to, ScoringBudget? budget, CancellationToken cancellationToken)
    {
        if (!_batchEngines.TryTake(out var engine))
        {
            engine = CreateEngine();
        }

        try
        {
            var output = new PostProbabilities();
            for (var i = from; i < to; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Predict(engine, NormalizeWithin(texts[i], budget, i), output);
                verdicts[i] = ToVerdict(output.Probabilities);
            }
        }
        finally
        {
            if (_batchEngines.Count < _maxBatchEngines)
            {
                _batchEngines.Add(engine);
            }
            else
            {
                engine.Dispose();
            }
        }
    }

    internal PostVerdict ToVerdict(float[] probabilities)
    {
        if (probabilities.Length != _thresholds.Length)
        {
            throw new ModelBundleException($"{Directory}: model returned {probabilities.Length} probabilities for {_thresholds.Length} labels");
        }

        var labels = new LabelVerdict[_thresholds.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var score = float.IsNaN(probabilities[i]) ? 0f : probabilities[i];
            labels[i] = new LabelVerdict(_labels[i], score, _thresholds[i], score >= _thresholds[i]);
        }

        return new PostVerdict(labels);
    }

    private void CheckSchema()
    {
        var schema = _transformer.GetOutputSchema(_ml.Data.LoadFromEnumerable(Array.Empty<PostInput>()).Schema);
        bool Fits(string name) =>
            schema.GetColumnOrNull(name) is { Type: VectorDataViewType { Size: var size } } && size == Labels.Count;
        if (!Fits(ModelColumns.Probabilities) || !Fits(ModelColumns.Margins))
        {
            throw new ModelBundleException($"{Directory}: model output does not match the manifest's {Labels.Count} labels");
        }

        // Canary: a model that loads but cannot score must not be served.
        var canary = ScoreBatch(["cek canary hoaxscreen"]);
        if (canary.Count != 1)
        {
            throw new ModelBundleException($"{Directory}: model failed its canary post");
        }
    }
}
