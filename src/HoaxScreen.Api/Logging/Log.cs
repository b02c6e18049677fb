namespace HoaxScreen.Api.Logging;

/// <summary>
/// Source-generated log messages. Post text (and the words explanations pick from it) is never logged, nor are API keys:
/// only ids, lengths, counts, verdicts, key names, paths and reasons. Per-request rejections (validation, limits, keys)
/// are Debug, so a flood of bad requests cannot flood the logs.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Loaded model {Version} from {Directory} (labels {Labels}) in {ElapsedMilliseconds} ms")]
    public static partial void ModelLoaded(this ILogger logger, string version, string directory, string labels, long elapsedMilliseconds);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Critical, Message = "HoaxScreen cannot start: {Reason}")]
    public static partial void StartupFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information,
        Message = "Reloaded model ({Trigger}): {PreviousVersion} -> {Version} from {Directory} in {ElapsedMilliseconds} ms")]
    public static partial void ModelReloaded(this ILogger logger, string trigger, string previousVersion, string version, string directory, long elapsedMilliseconds);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning,
        Message = "Rejected model reload ({Trigger}) from {Directory}: {Reason}; model {Version} keeps serving")]
    public static partial void ModelReloadRejected(this ILogger logger, string trigger, string directory, string reason, string version);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Debug,
        Message = "Reclaimed the memory of model {Version}: working set {BeforeMegabytes} MB -> {AfterMegabytes} MB (GC heap {HeapMegabytes} MB, committed {CommittedMegabytes} MB)")]
    public static partial void PreviousModelReclaimed(this ILogger logger, string version, long beforeMegabytes, long afterMegabytes, long heapMegabytes, long committedMegabytes);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Model reload ({Trigger}) from {Directory} refused: another reload is running")]
    public static partial void ModelReloadBusy(this ILogger logger, string trigger, string directory);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information,
        Message = "Watching {Directory} for a new model bundle (reload after {DebounceMilliseconds} ms of quiet)")]
    public static partial void ModelWatchStarted(this ILogger logger, string directory, int debounceMilliseconds);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Warning, Message = "Cannot watch {Directory} for model changes: its parent folder is missing")]
    public static partial void ModelWatchUnavailable(this ILogger logger, string directory);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Warning, Message = "Model folder watch on {Directory} reported an error ({Reason}); reloading to be safe")]
    public static partial void ModelWatchError(this ILogger logger, string directory, string reason);

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

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "Rejected {Method} {Path}: body over the limit of {Limit} bytes ({Bytes} bytes declared or read)")]
    public static partial void BodyTooLarge(this ILogger logger, string method, string path, long limit, long bytes);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "{Method} {Path} timed out after {Seconds} s")]
    public static partial void RequestTimedOut(this ILogger logger, string method, string path, int seconds);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Debug,
        Message = "Rejected {Method} {Path}: scoring at capacity ({PermitLimit} running, {QueueLimit} queued)")]
    public static partial void ScoringCapacityExceeded(this ILogger logger, string method, string path, int permitLimit, int queueLimit);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Debug, Message = "Rate limited {Caller} on {Method} {Path}")]
    public static partial void RateLimited(this ILogger logger, string caller, string method, string path);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Debug, Message = "Rejected {Method} {Path}: invalid API key")]
    public static partial void ApiKeyRejected(this ILogger logger, string method, string path);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Debug, Message = "Forbade key {KeyName} on {Method} {Path}: role not allowed")]
    public static partial void ApiKeyForbidden(this ILogger logger, string keyName, string method, string path);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Debug,
        Message = "Refused {Method} {Path} from {RemoteAddress}: admin routes answer only this machine while no API keys are configured")]
    public static partial void AdminRefusedRemote(this ILogger logger, string method, string path, string remoteAddress);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Debug, Message = "Rejected {Method} {Path}: a state-changing route needs a JSON body (Content-Type {ContentType})")]
    public static partial void JsonBodyMissing(this ILogger logger, string method, string path, string contentType);

    [LoggerMessage(EventId = 1400, Level = LogLevel.Warning,
        Message = "No API keys are configured (Security:ApiKeys): /v1 answers every caller, and /admin only callers on this machine (loopback). Configure keys before the service is reachable from other machines.")]
    public static partial void ApiKeysOff(this ILogger logger);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Readiness canary failed for model {Version}")]
    public static partial void CanaryFailed(this ILogger logger, string version, Exception exception);
}
