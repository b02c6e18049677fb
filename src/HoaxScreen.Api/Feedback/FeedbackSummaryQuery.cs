namespace HoaxScreen.Api.Feedback;

/// <summary>How far back the summary's recent figures look.</summary>
public sealed record FeedbackSummaryQuery
{
    public const int DefaultDays = 30;

    /// <summary>Days the recent figures cover, 1 to 36,500 (default 30).</summary>
    public int? Days { get; init; }
}
