namespace HoaxScreen.Api.Logging;

/// <summary>Log messages of the feedback store: ids, counts and model versions, never a post's text or a moderator's note.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1080, Level = LogLevel.Debug, Message = "Stored feedback {FeedbackId} (client id {ClientId}, {Length} characters, {Labels} labels judged, model {Model})")]
    public static partial void FeedbackStored(this ILogger logger, long feedbackId, string? clientId, int length, int labels, string model);

    [LoggerMessage(EventId = 1081, Level = LogLevel.Information, Message = "Deleted feedback {FeedbackId} over HTTP")]
    public static partial void FeedbackDeleted(this ILogger logger, long feedbackId);

    [LoggerMessage(EventId = 1082, Level = LogLevel.Information, Message = "Deleted {Count} feedback decisions older than {Days} days")]
    public static partial void FeedbackExpired(this ILogger logger, int count, int days);

    [LoggerMessage(EventId = 1083, Level = LogLevel.Warning, Message = "Feedback retention could not run ({Reason}); it is retried within the hour")]
    public static partial void FeedbackRetentionFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1084, Level = LogLevel.Warning, Message = "The feedback store could not be {Action} ({Reason})")]
    public static partial void FeedbackStoreFailed(this ILogger logger, string action, string reason);
}
