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

    public static NormalizedText Analyze(string text) => TextNormalizer.Default.Analyze(text);

    public IReadOnlyList<WordContribution> Explain(string text, int topWords = 20)
    {
        var analysed = Analyze(text);
        var explanations = PostExplainer.Explain(analysed, [Margin(analysed.Text)], [(0, Label)], Rescore, topWords);
        return explanations.Single().Words;
    }

    private float[] Rescore(string normalizedText)
    {
        Passes++;
        return [Margin(normalizedText)];
    }

    private float Margin(string normalizedText) =>
        (float)normalizedText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Sum(t => tokenWeights.GetValueOrDefault(t));
}
