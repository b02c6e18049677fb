namespace HoaxScreen.Api.Feedback;

/// <summary>Which page of the stored decisions to list, newest first.</summary>
public sealed record FeedbackPageQuery
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 500;

    /// <summary>Page number, from 1 (default).</summary>
    public int? Page { get; init; }

    /// <summary>Decisions per page, 1 to 500 (default 50).</summary>
    public int? PageSize { get; init; }
}
