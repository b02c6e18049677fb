using HoaxScreen.Core.Feedback;

namespace HoaxScreen.Api.Feedback;

/// <summary>What the serving model said about one label when the decision arrived.</summary>
public sealed record FeedbackScore(float Score, bool Flagged);

/// <summary>
/// A stored decision: <c>id</c> is the store's (use it to delete), <c>clientId</c> the caller's own; the judged labels,
/// the claim judgement and note as sent; the serving model's version and per-label score and verdict at that moment.
/// </summary>
public sealed record FeedbackRecord(
    long Id,
    string? ClientId,
    string Text,
    IReadOnlyDictionary<string, bool> Labels,
    string? ClaimId,
    bool? ClaimCorrect,
    string? Note,
    string Model,
    IReadOnlyDictionary<string, FeedbackScore> Scores,
    DateTimeOffset ReceivedAt)
{
    public static FeedbackRecord From(FeedbackDecision decision) => new(
        decision.Id, decision.ClientId, decision.Text, decision.Labels, decision.ClaimId, decision.ClaimCorrect, decision.Note,
        decision.Model, decision.Scores.ToDictionary(s => s.Key, s => new FeedbackScore(s.Value.Score, s.Value.Flagged)), decision.ReceivedAt);
}
