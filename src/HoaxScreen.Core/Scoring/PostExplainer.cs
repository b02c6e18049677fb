using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Text;
using Microsoft.ML;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// Explains scores by occlusion: each word of the original post (all the tokens normalisation made from one span
/// of it, such as "k a f i r" → kafir or gpp → tidak apa apa) is left out in turn and the post re-scored; the fall
/// in the label's margin (log-odds scale, which unlike the probability does not saturate) is that word's weight. Model-agnostic, so it stays true whatever classifier a bundle carries.
/// </summary>
public static class PostExplainer
{
    /// <summary>Longer posts are explained over their first this-many words, bounding the cost of one request.</summary>
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
        var labels = Enumerable.Range(0, verdict.Labels.Count).Where(l => explainLabel(verdict.Labels[l])).ToArray();
        if (labels.Length == 0 || analysed.Tokens.Count == 0)
        {
            return (verdict, [.. labels.Select(l => new LabelExplanation(verdict.Labels[l].Label, []))]);
        }

        var units = Units(analysed);
        var weights = new double[labels.Length][];
        for (var k = 0; k < labels.Length; k++)
        {
            weights[k] = new double[units.Count];
        }

        for (var u = 0; u < units.Count; u++)
        {
            var (first, last) = units[u];
            model.Predict(engine, analysed.TextWithout(i => i >= first && i <= last), output);
            for (var k = 0; k < labels.Length; k++)
            {
                weights[k][u] = baseline[labels[k]] - output.Margins[labels[k]];
            }
        }

        var explanations = new List<LabelExplanation>(labels.Length);
        for (var k = 0; k < labels.Length; k++)
        {
            var top = Enumerable.Range(0, units.Count)
                .Where(u => weights[k][u] > 1e-4)
                .OrderByDescending(u => weights[k][u])
                .Take(topWords)
                .Select(u =>
                {
                    var token = analysed.Tokens[units[u].First];
                    return new WordContribution(text.Substring(token.Start, token.Length), token.Start, token.Length, Math.Round(weights[k][u], 4));
                })
                .ToList();
            explanations.Add(new LabelExplanation(verdict.Labels[labels[k]].Label, top));
        }

        return (verdict, explanations);
    }

    // Consecutive tokens that share one span of the original are one word to a reader.
    private static List<(int First, int Last)> Units(NormalizedText analysed)
    {
        var units = new List<(int, int)>();
        var tokens = analysed.Tokens;
        for (var i = 0; i < tokens.Count && units.Count < MaxWords;)
        {
            var j = i;
            while (j + 1 < tokens.Count && tokens[j + 1].Start == tokens[i].Start && tokens[j + 1].Length == tokens[i].Length)
            {
                j++;
            }

            units.Add((i, j));
            i = j + 1;
        }

        return units;
    }

}
