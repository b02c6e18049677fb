namespace HoaxScreen.Core.Feedback;

/// <summary>What the serving model said about one label when a moderator's decision arrived.</summary>
public readonly record struct ModelJudgement(float Score, bool Flagged);

/// <summary>
/// A moderator's decision on one post, as a client sends it: the labels judged (any subset; a label left out is not
/// judged, never "false"), optionally whether the post repeats the known claim <see cref="ClaimId"/>, and a note.
/// </summary>
public sealed record NewFeedback(
    string Text,
    IReadOnlyDictionary<string, bool> Labels,
    string? ClientId = null,
    string? ClaimId = null,
    bool? ClaimCorrect = null,
    string? Note = null);

/// <summary>
/// A stored decision: the moderator's judgement, and the serving model's version and per-label score and verdict at
/// the moment it arrived, so the model's agreement with its moderators can be measured later.
/// </summary>
public sealed record FeedbackDecision(
    long Id,
    string? ClientId,
    string Text,
    IReadOnlyDictionary<string, bool> Labels,
    string? ClaimId,
    bool? ClaimCorrect,
    string? Note,
    string Model,
    IReadOnlyDictionary<string, ModelJudgement> Scores,
    DateTimeOffset ReceivedAt);
