using HoaxScreen.Core.Claims.Matching;

namespace HoaxScreen.Bench.Claims;

/// <summary>
/// What a system answered for one query: up to 5 claim ids, best first; the best one's score; whether the system may
/// match this post at all (the matcher never matches posts under its minimum word count); and, for systems with
/// their own thresholds, the best candidate's decision.
/// </summary>
public sealed record QueryAnswer(IReadOnlyList<string> Top, float Score, bool CanMatch, ClaimDecision? Decision)
{
    public static QueryAnswer None { get; } = new([], 0f, false, null);
}

/// <summary>How a system's <c>match</c> decisions are taken.</summary>
public enum ThresholdMode
{
    /// <summary>The system's own decisions (a trained matcher's thresholds).</summary>
    Own,

    /// <summary>Best score at or above a threshold chosen by <see cref="ClaimsMetrics.RuleThreshold"/> on the other folds.</summary>
    Rule,
}

/// <summary>One compared system's answers, aligned with the benchmark's queries; <see cref="Problem"/> when it could not run.</summary>
public sealed record ClaimsSystemRun(
    string Name,
    string Config,
    ThresholdMode Mode,
    IReadOnlyList<QueryAnswer> Answers,
    double Seconds,
    string? Problem = null,
    IReadOnlyList<string>? Notes = null)
{
    public static ClaimsSystemRun Failed(string name, string config, string problem, double seconds) =>
        new(name, config, ThresholdMode.Rule, [], seconds, problem);
}
