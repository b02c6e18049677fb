namespace HoaxScreen.Core.Scoring;

/// <summary>
/// What scoring one request may spend. The cost of scoring grows with the normalised text, not the raw one (slang and
/// reduplications are spelled out: "mpr2" becomes 62 characters), and an explanation re-scores the text once per word
/// it occludes, so both are bounded here rather than by the raw length alone.
/// </summary>
/// <param name="MaxNormalizedLength">Longest normalised text scored; a longer one is refused with <see cref="ScoringBudgetException"/>.</param>
/// <param name="ExplainCharacters">
/// Characters an explanation may re-score in all (occluded passes × normalised length). A post whose words do not all
/// fit is explained over the words that score highest on their own (a cheap first pass), as many as fit.
/// </param>
public sealed record ScoringBudget(int MaxNormalizedLength, long ExplainCharacters)
{
    /// <summary>No limits: the CLI scores files its user chose.</summary>
    public static ScoringBudget Unlimited { get; } = new(int.MaxValue, long.MaxValue);

    /// <summary>This budget with the explanation allowance split evenly over <paramref name="posts"/> posts.</summary>
    public ScoringBudget SharedBy(int posts) =>
        posts <= 1 || ExplainCharacters == long.MaxValue ? this : this with { ExplainCharacters = ExplainCharacters / posts };
}

/// <summary>A post whose normalised text is longer than <see cref="ScoringBudget.MaxNormalizedLength"/>.</summary>
public sealed class ScoringBudgetException(int index, int normalizedLength, int limit)
    : Exception($"post {index}: {normalizedLength} characters after normalisation; at most {limit}")
{
    /// <summary>The post's position in its batch (0 for a single post).</summary>
    public int Index { get; } = index;

    public int NormalizedLength { get; } = normalizedLength;

    public int Limit { get; } = limit;
}
