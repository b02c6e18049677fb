namespace HoaxScreen.Api.Feedback;

/// <summary>One page of stored decisions, newest first.</summary>
public sealed record FeedbackPage(int Total, int Page, int PageSize, IReadOnlyList<FeedbackRecord> Items);
