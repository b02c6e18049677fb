using HoaxScreen.Core.Text;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// Explains scores by occlusion: each distinct word of the original post (all the tokens normalisation made from one span
/// of it, such as "k a f i r" → kafir or gpp → tidak apa apa; every occurrence of it, however spelled, together) is left
/// out and the post re-scored; the fall in the label's margin (log-odds scale, which unlike the probability does not
/// saturate) is that word's weight. Model-agnostic, so it stays true whatever classifier a bundle carries. Which words
/// are reported, and in what order, is <see cref="WordRanking"/>'s rule.
/// <para>
/// Cost: one re-scoring of the whole normalised text per occluded word. At most <see cref="MaxWords"/> words are
/// occluded, and no more than the budget's <see cref="ScoringBudget.ExplainCharacters"/> allow; when the post has more
/// distinct words than that, the candidates are the words that raise an explained label most when scored on their own
/// (one short scoring per word, charged <see cref="SoloPassCharacters"/> each), so a long post is still explained by
/// its strongest words rather than its first ones.
/// </para>
/// </summary>
public static class PostExplainer
{
    /// <summary>Most words occluded for one post (so at most this many re-scorings, plus the score itself).</summary>
    public const int MaxWords = 200;

    /// <summary>Most distinct words considered as candidates (the cheap first pass scores each once).</summary>
    public const int MaxCandidates = 1_000;

    /// <summary>
    /// What scoring one word alone costs, in characters of the budget: a short text still pays the featuriser's fixed
    /// cost (about 10 µs, the time of ~100 characters of a long text).
    /// </summary>
    public const int SoloPassCharacters = 100;

    public static (PostVerdict Verdict, IReadOnlyList<LabelExplanation> Explanations) Explain(
        IPostScorer model,
        string text,
        Func<LabelVerdict, bool> explainLabel,
        int topWords,
        ScoringBudget budget,
        CancellationToken cancellationToken)
    {
        var analysed = model.Normalizer.Analyze(text);
        var normalized = analysed.Text;
        if (normalized.Length > budget.MaxNormalizedLength)
        {
            throw new ScoringBudgetException(0, normalized.Length, budget.MaxNormalizedLength);
        }

        var output = new LabelScores();
        model.Predict(normalized, output);
        var verdict = model.ToVerdict(output);
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
                model.Predict(normalizedText, output);
                return output.Margins;
            },
            topWords,
            budget.ExplainCharacters,
            cancellationToken);
        return (verdict, explanations);
    }

    /// <summary>
    /// How many occlusion passes over a normalised text of <paramref name="length"/> characters
    /// <paramref name="budgetCharacters"/> allow, after a first pass over <paramref name="soloWords"/> words alone.
    /// </summary>
    internal static int PassesWithin(long budgetCharacters, int length, int soloWords = 0) =>
        (int)Math.Clamp((budgetCharacters - ((long)soloWords * SoloPassCharacters)) / Math.Max(1, length), 0, MaxWords);

    /// <summary>
    /// The explanations of <paramref name="labels"/> (index into the margins, name) given the post's
    /// <paramref name="baseline"/> margins; <paramref name="margins"/> re-scores a normalised text, once per occluded
    /// word, plus once per candidate word on its own when not every word fits <paramref name="budgetCharacters"/>.
    /// </summary>
    internal static IReadOnlyList<LabelExplanation> Explain(
        NormalizedText analysed,
        IReadOnlyList<float> baseline,
        IReadOnlyList<(int Index, string Name)> labels,
        Func<string, IReadOnlyList<float>> margins,
        int topWords,
        long budgetCharacters = long.MaxValue,
        CancellationToken cancellationToken = default)
    {
        var length = analysed.Text.Length;
        if (labels.Count == 0 || analysed.Tokens.Count == 0 || PassesWithin(budgetCharacters, length) == 0)
        {
            return [.. labels.Select(l => new LabelExplanation(l.Name, []))];
        }

        var plainPasses = PassesWithin(budgetCharacters, length);
        var (words, wordOfToken) = DistinctWords.Collect(analysed, MaxCandidates);
        if (words.Count > plainPasses)
        {
            // The first pass pays for itself only when passes are left after it; otherwise the first words that fit.
            var passes = PassesWithin(budgetCharacters, length, soloWords: words.Count);
            (words, wordOfToken) = passes > 0
                ? Strongest(words, wordOfToken, labels, margins, passes, cancellationToken)
                : First(words, wordOfToken, plainPasses);
        }

        var weights = new double[labels.Count][];
        for (var k = 0; k < labels.Count; k++)
        {
            weights[k] = new double[words.Count];
        }

        for (var w = 0; w < words.Count; w++)
        {
            cancellationToken.ThrowIfCancellationRequested();
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

    // The cheap first pass: each word scored on its own against the empty text; the words that raise any explained label
    // most are kept (in order of first appearance), the others are not occluded.
    private static (IReadOnlyList<DistinctWord> Words, int[] WordOfToken) Strongest(
        IReadOnlyList<DistinctWord> words,
        int[] wordOfToken,
        IReadOnlyList<(int Index, string Name)> labels,
        Func<string, IReadOnlyList<float>> margins,
        int keep,
        CancellationToken cancellationToken)
    {
        var empty = margins(string.Empty).ToArray();
        var lift = new double[words.Count];
        for (var w = 0; w < words.Count; w++)
        {
            if (w % 64 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var alone = margins(words[w].Key);
            lift[w] = labels.Max(l => alone[l.Index] - empty[l.Index]);
        }

        var kept = Enumerable.Range(0, words.Count).OrderByDescending(w => lift[w]).Take(keep).Order().ToArray();
        var newIndex = Enumerable.Repeat(-1, words.Count).ToArray();
        for (var i = 0; i < kept.Length; i++)
        {
            newIndex[kept[i]] = i;
        }

        var remapped = wordOfToken.Select(w => w < 0 ? -1 : newIndex[w]).ToArray();
        return ([.. kept.Select(w => words[w])], remapped);
    }

    private static (IReadOnlyList<DistinctWord> Words, int[] WordOfToken) First(IReadOnlyList<DistinctWord> words, int[] wordOfToken, int keep) =>
        ([.. words.Take(keep)], [.. wordOfToken.Select(w => w < keep ? w : -1)]);

    private static WordContribution Contribution(string original, DistinctWord word, double weight)
    {
        var first = word.Spans[0];
        return new WordContribution(original.Substring(first.Start, first.Length), Math.Round(weight, 4), word.Spans);
    }
}
