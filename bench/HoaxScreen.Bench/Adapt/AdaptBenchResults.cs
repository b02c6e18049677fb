namespace HoaxScreen.Bench.Adapt;

/// <summary>One label of one held-out community, for one system: the base, or a method adapted on K feedback posts.</summary>
public sealed record CommunityResult(string Source, string Label, int Rows, int Positives, int K, int FeedbackPositives, string System, bool KeptBase,
    double F1, double? Auc);

/// <summary>One label on the base's own evaluation split: the base's F1 and an adapted model's (same rows).</summary>
public sealed record OwnSplitResult(string Source, int K, string Method, string Label, int Rows, double F1Base, double F1Adapted);

/// <summary>Everything measured for one held-out community.</summary>
public sealed record HeldOutRun(string Source, int FeedbackPool, int EvaluationRows, double TrainingSeconds,
    IReadOnlyList<CommunityResult> Community, IReadOnlyList<OwnSplitResult> OwnSplit, IReadOnlyList<(string Method, int K, double Seconds)> AdaptSeconds);
