using HoaxScreen.Core.Scoring;
using HoaxScreen.Core.Text;

namespace HoaxScreen.Core.Tests.Explanations;

/// <summary>
/// A stand-in model for <see cref="PostExplainer"/>: one label whose margin is the sum of fixed per-token weights, so every
/// occlusion weight is known in advance; counts the re-scorings it is asked for.
/// </summary>
internal sealed class AdditiveScorer(IReadOnlyDictionary<string, double> tokenWeights)
{
    public const string Label = "abusive";

    public int Passes { get; private set; }

    /// <summary>Called after each re-scoring with the count so far (a test cancels from here).</summary>
    public Action<int>? OnRescore { get; init; }

    public static NormalizedText Analyze(string text) => TextNormalizer.Default.Analyze(text);

    /// <summary>Texts re-scored, in order (the occluded texts, and each candidate word alone in a cheap first pass).</summary>
    public List<string> Rescored { get; } = [];

    public IReadOnlyList<WordContribution> Explain(
        string text, int topWords = 20, long budgetCharacters = long.MaxValue, CancellationToken cancellationToken = default)
    {
        var analysed = Analyze(text);
        var explanations = PostExplainer.Explain(
            analysed, [Margin(analysed.Text)], [(0, Label)], Rescore, topWords, budgetCharacters, cancellationToken);
        return explanations.Single().Words;
    }

    private float[] Rescore(string normalizedText)
    {
        Passes++;
        Rescored.Add(normalizedText);
        OnRescore?.Invoke(Passes);
        return [Margin(normalizedText)];
    }

    private float Margin(string normalizedText) =>
        (float)normalizedText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Sum(t => tokenWeights.GetValueOrDefault(t));
}
