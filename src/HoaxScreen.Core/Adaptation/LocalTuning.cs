namespace HoaxScreen.Core.Adaptation;

/// <summary>
/// Variations of <see cref="AdaptationMethod.Local"/> measured by the adapt benchmark (bench/results/adapt.md, "Tried").
/// The default (every switch off) is <c>local</c> as shipped.
/// </summary>
/// <param name="IdfPenalty">Scale each feature's L2 by max IDF / its IDF, so n-grams common in the base's vocabulary move less.</param>
/// <param name="ChooseL2ByF1">Choose λ by cross-validated F1 at the base's threshold (instead of log-loss) over <see cref="LabelAdapter.WideL2Candidates"/>.</param>
/// <param name="RethresholdWhenClear">Re-choose the threshold when its cross-validated F1 gain is larger than the gain's spread over folds.</param>
/// <param name="BalanceClasses">Weight each positive by negatives / positives, for rare positives.</param>
/// <param name="CommunityNgrams">Add the feedback's frequent word n-grams the base's vocabulary lacks (<see cref="CommunityVocabulary"/>) as features of the correction.</param>
/// <param name="CommunityNgramsOnly">With <paramref name="CommunityNgrams"/>: correct over those n-grams alone, the base's features untouched.</param>
/// <param name="SimilarityGate">Scale each post's correction by <see cref="FeedbackSimilarityGate"/>, so posts unlike the feedback keep their base scores.</param>
public sealed record LocalTuning(bool IdfPenalty = false, bool ChooseL2ByF1 = false, bool RethresholdWhenClear = false, bool BalanceClasses = false,
    bool CommunityNgrams = false, bool CommunityNgramsOnly = false, bool SimilarityGate = false)
{
    public static readonly LocalTuning None = new();
}
