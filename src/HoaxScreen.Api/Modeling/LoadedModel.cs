using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace HoaxScreen.Api.Modeling;

/// <summary>
/// A model together with the pool of prediction engines built from it. Immutable: a reload builds a new
/// instance and swaps it in whole, so a request never scores with one model's engine and another's thresholds.
/// </summary>
public sealed class LoadedModel
{
    public LoadedModel(ScoringModel model, DateTimeOffset loadedAt)
    {
        Model = model;
        LoadedAt = loadedAt;
        PoolSize = Environment.ProcessorCount * 2;
        Engines = new DefaultObjectPool<PredictionEngine<PostInput, PostProbabilities>>(new PredictionEnginePolicy(model), PoolSize);
    }

    public ScoringModel Model { get; }

    public ObjectPool<PredictionEngine<PostInput, PostProbabilities>> Engines { get; }

    public int PoolSize { get; }

    public DateTimeOffset LoadedAt { get; }

    public string Version => Model.Version;

    /// <summary>Scores one post with a pooled engine (<see cref="ScoringBudgetException"/> over <paramref name="budget"/>).</summary>
    public PostVerdict Score(string text, ScoringBudget? budget = null)
    {
        var engine = Engines.Get();
        try
        {
            return Model.Score(engine, text, budget: budget);
        }
        finally
        {
            Engines.Return(engine);
        }
    }

    /// <summary>
    /// Scores one post and explains the labels <paramref name="explainLabel"/> selects, with one pooled engine, so the
    /// verdict and its explanation come from this same model; stops between passes when cancelled.
    /// </summary>
    public (PostVerdict Verdict, IReadOnlyList<LabelExplanation> Explanations) Explain(
        string text, Func<LabelVerdict, bool> explainLabel, int topWords, ScoringBudget budget, CancellationToken cancellationToken)
    {
        var engine = Engines.Get();
        try
        {
            return Model.Explain(engine, text, explainLabel, topWords, budget, cancellationToken);
        }
        finally
        {
            Engines.Return(engine);
        }
    }

    /// <summary>Scores many posts; results keep the input order; stops between posts when cancelled.</summary>
    public IReadOnlyList<PostVerdict> ScoreBatch(IReadOnlyList<string> texts, ScoringBudget budget, CancellationToken cancellationToken) =>
        Model.ScoreBatch(texts, budget, cancellationToken);
}
