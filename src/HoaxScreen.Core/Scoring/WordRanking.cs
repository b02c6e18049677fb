namespace HoaxScreen.Core.Scoring;

/// <summary>
/// Chooses and orders the words reported for one label from their occlusion weights.
/// <para>
/// The rule: only words that raise the label (weight above <see cref="MinWeight"/>) are listed, strongest first, each
/// with its weight as measured. A function word or filler (<see cref="FunctionWords"/>) is listed only when it clearly
/// dominates: its weight is at least <see cref="FunctionWordLead"/> times the largest weight of any content word in the
/// post (any positive weight counts when no content word raises the label). Otherwise it is left out, not pushed down
/// the list, so the list stays ordered by weight and every entry means what its weight says.
/// </para>
/// <para>
/// Why: a linear model over words and character n-grams spreads some weight onto frequent words (yang, di, lo, orang)
/// that co-occur with abuse or hoaxes in its training data. Such a weight is real, but to a moderator it reads as noise
/// and hides the word that matters; when a filler truly drives the score far more than anything else, that is worth
/// seeing, so it is still shown.
/// </para>
/// </summary>
internal static class WordRanking
{
    /// <summary>Weights at or below this (log-odds) are rounding noise, not a push towards the label.</summary>
    public const double MinWeight = 1e-4;

    /// <summary>How many times the best content word's weight a function word needs before it is reported.</summary>
    public const double FunctionWordLead = 1.5;

    /// <summary>
    /// The indices of the words to report, strongest first (ties in order of first appearance), at most
    /// <paramref name="topWords"/> of them.
    /// </summary>
    public static IReadOnlyList<int> Top(IReadOnlyList<DistinctWord> words, IReadOnlyList<double> weights, int topWords)
    {
        var bestContent = 0.0;
        for (var w = 0; w < words.Count; w++)
        {
            if (!words[w].IsFunctionWord)
            {
                bestContent = Math.Max(bestContent, weights[w]);
            }
        }

        bool Reported(int w) =>
            weights[w] > MinWeight && (!words[w].IsFunctionWord || weights[w] >= FunctionWordLead * bestContent);

        return [.. Enumerable.Range(0, words.Count)
            .Where(Reported)
            .OrderByDescending(w => weights[w])
            .Take(topWords)];
    }
}
