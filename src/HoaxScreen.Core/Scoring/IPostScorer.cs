using HoaxScreen.Core.Text;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// The one scoring seam the API and the CLI use: a raw post (or many) to verdicts, and explanations. Implementations
/// are thread-safe and hold no per-request state, so one instance serves every request until a reload swaps it whole.
/// </summary>
public interface IPostScorer
{
    /// <summary>The bundle version every verdict comes from.</summary>
    string Version { get; }

    /// <summary>The labels of every verdict, in order.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>The normaliser scoring uses; callers that need the normalised text too (known-claim matching) normalise once and call <see cref="ScoreNormalized"/>.</summary>
    TextNormalizer Normalizer { get; }

    /// <summary>A post through <see cref="Normalizer"/>; <see cref="ScoringBudgetException"/> (index 0) when the result is over <paramref name="budget"/>.</summary>
    string Normalize(string text, ScoringBudget? budget = null);

    /// <summary>Scores one post; <see cref="ScoringBudgetException"/> when its normalised text is over <paramref name="budget"/>.</summary>
    PostVerdict Score(string text, ScoringBudget? budget = null);

    /// <summary>Scores a post already through <see cref="Normalizer"/>.</summary>
    PostVerdict ScoreNormalized(string normalizedText);

    /// <summary>
    /// Scores many posts on the calling thread, in input order; stops between posts when cancelled, and at the first post
    /// over <paramref name="budget"/> (the exception names its index). Parallel work is the caller's to plan.
    /// </summary>
    IReadOnlyList<PostVerdict> ScoreBatch(IReadOnlyList<string> texts, ScoringBudget? budget = null, CancellationToken cancellationToken = default);

    /// <summary>Every label's probability and margin for a normalised text, into <paramref name="output"/> (explanations re-score with it).</summary>
    void Predict(string normalizedText, LabelScores output);

    /// <summary>The verdict for scores from <see cref="Predict"/>, at the model's thresholds.</summary>
    PostVerdict ToVerdict(LabelScores scores);

    /// <summary>Scores one post and explains the labels <paramref name="explainLabel"/> selects (see <see cref="PostExplainer"/>).</summary>
    (PostVerdict Verdict, IReadOnlyList<LabelExplanation> Explanations) Explain(
        string text, Func<LabelVerdict, bool> explainLabel, int topWords = 5, ScoringBudget? budget = null, CancellationToken cancellationToken = default);
}
