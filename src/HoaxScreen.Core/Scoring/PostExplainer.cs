using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Text;
using Microsoft.ML;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// Explains scores by occlusion: each distinct word of the original post (all the tokens normalisation made from one span
/// of it, such as "k a f i r" → kafir or gpp → tidak apa apa; every occurrence of it, however spelled, together) is left
/// out and the post re-scored; the fall in the label's margin (log-odds scale, which unlike the probability does not
/// saturate) is that word's weight. Model-agnostic, so it stays true whatever classifier a bundle carries. Which words
/// are reported, and in what order, is <see cref="WordRanking"/>'s rule.
/// </summary>
public static class PostExplainer
{
    /// <summary>
    /// Longer posts are explained over their first this-many distinct words, bounding the cost of one request to this
    /// many re-scorings (plus the score itself). Later occurrences of those words are still occluded and reported.
    /// </summary>
    public const int MaxWords = 200;

    public static (PostVerdict Verdict, IReadOnlyList<LabelExplanation> Explanations) Explain(
        ScoringModel model,
        PredictionEngine<PostInput, PostProbabilities> engine,
        string text,
        Func<LabelVerdict, bool> explainLabel,
        int topWords)
    {
        var analysed = model.Normalizer.Analyze(text);
        var output = new PostProbabilities();
        model.Predict(engine, analysed.Text, output);
        var verdict = model.ToVerdict(output.Probabilities);
        var baseline = (float[])output.Margins.Clone();
        var labels = Enumerable.Range(0, verdict.Labels.Count)
            .Where(l => explainLabel(verdict.Labels[l]))
            .Select(l => (l, verdict.Labels[l].Label))
            .ToArray();

        var explanations = Explain(
            analysed,
            baseline,
            labels,
            normalizedText =>
            {
                model.Predict(engine, normalizedText, output);
                return output.Margins;
            },
            topWords);
        return (verdict, explanations);
    }

    /// <summary>
    /// The explanations of <paramref name="labels"/> (index into the margins, name) given the post's
    /// <paramref name="baseline"/> margins; <paramref name="margins"/> re-scores a normalised text, once per distinct word.
    /// </summary>
    internal static IReadOnlyList<LabelExplanation> Explain(
        NormalizedText analysed,
        IReadOnlyList<float> baseline,
        IReadOnlyList<(int Index, string Name)> labels,
        Func<string, IReadOnlyList<float>> margins,
        int topWords)
    {
        if (labels.Count == 0 || analysed.Tokens.Count == 0)
        {
            return [.. labels.Select(l => new LabelExplanation(l.Name, []))];
        }

        var (words, wordOfToken) = DistinctWords.Collect(analysed, MaxWords);
        var weights = new double[labels.Count][];
        for (var k = 0; k < labels.Count; k++)
        {
            weights[k] = new double[words.Count];
        }

        for (var w = 0; w < words.Count; w++)
        {
            var without = margins(analysed.TextWithout(t => wordOfToken[t] == w));
            for (var k = 0; k < labels.Count; k++)
            {
                weights[k][w] = baseline[labels[k].Index] - without[labels[k].Index];
            }
        }

        var explanations = new List<LabelExplanation>(labels.Count);
        for (var k = 0; k < labels.Count; k++)
        {
            var top = WordRanking.Top(words, weights[k], topWords)
                .Select(w => Contribution(analysed.Original, words[w], weights[k][w]))
                .ToList();
            explanations.Add(new LabelExplanation(labels[k].Name, top));
        }

        return explanations;
    }

    private static WordContribution Contribution(string original, DistinctWord word, double weight)
    {
        var first = word.Spans[0];
        return new WordContribution(original.Substring(first.Start, first.Length), Math.Round(weight, 4), word.Spans);
    }
}
