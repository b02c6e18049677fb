namespace HoaxScreen.Api.Logging;

/// <summary>Log messages of the Label Studio backend: counts, ids and actions, never a post's text.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1750, Level = LogLevel.Debug, Message = "Label Studio predict: {Tasks} tasks scored with model {Model}")]
    public static partial void LabelStudioPredicted(this ILogger logger, int tasks, string model);

    [LoggerMessage(EventId = 1751, Level = LogLevel.Debug, Message = "Label Studio webhook {Action} ignored: {Reason}")]
    public static partial void LabelStudioWebhookIgnored(this ILogger logger, string action, string reason);

    [LoggerMessage(EventId = 1752, Level = LogLevel.Information, Message = "Label Studio annotation {AnnotationId} ({Action}) stored as feedback {FeedbackId}, replacing {Replaced}")]
    public static partial void LabelStudioAnnotationStored(this ILogger logger, long annotationId, string action, long feedbackId, int replaced);
}
