namespace HoaxScreen.Api.Logging;

/// <summary>
/// Source-generated log messages. Post text (and the words explanations pick from it) is never logged:
/// only ids, lengths, counts and verdicts.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Loaded model {Version} from {Directory} (labels {Labels}) in {ElapsedMilliseconds} ms; engine pool size {PoolSize}")]
    public static partial void ModelLoaded(this ILogger logger, string version, string directory, string labels, long elapsedMilliseconds, int poolSize);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Critical, Message = "Cannot load the model bundle at {Directory}: {Reason}")]
    public static partial void ModelLoadFailed(this ILogger logger, string directory, string reason, Exception exception);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug,
        Message = "Screened post {Id} ({Length} characters) with model {Version}: flagged={Flagged}")]
    public static partial void PostScreened(this ILogger logger, string? id, int length, string version, bool flagged);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug,
        Message = "Screened a batch of {Count} posts with model {Version}: {FlaggedCount} flagged, {ExplainedCount} explained")]
    public static partial void BatchScreened(this ILogger logger, int count, int flaggedCount, int explainedCount, string version);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug,
        Message = "Explained post {Id} with model {Version}: {LabelCount} labels, {WordCount} words")]
    public static partial void PostExplained(this ILogger logger, string? id, string version, int labelCount, int wordCount);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Rejected {Method} {Path}: invalid fields {Fields}")]
    public static partial void ValidationFailed(this ILogger logger, string method, string path, string fields);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Rejected {Method} {Path} with {StatusCode}: {Reason}")]
    public static partial void BadRequestRejected(this ILogger logger, string method, string path, int statusCode, string reason);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Readiness canary failed for model {Version}")]
    public static partial void CanaryFailed(this ILogger logger, string version, Exception exception);
}
