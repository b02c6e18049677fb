namespace HoaxScreen.Api.Logging;

/// <summary>Log messages of adaptation jobs: ids, versions, counts and folder names, never a post's text.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1850, Level = LogLevel.Information, Message = "Adaptation job {Job} started ({Method}, base model {BaseVersion}, writing to {OutFolder})")]
    public static partial void AdaptJobStarted(this ILogger logger, string job, string method, string baseVersion, string outFolder);

    [LoggerMessage(EventId = 1851, Level = LogLevel.Information, Message = "Adaptation job {Job} swapped in model {NewVersion} adapted from {BaseVersion}")]
    public static partial void AdaptJobSucceeded(this ILogger logger, string job, string baseVersion, string newVersion);

    [LoggerMessage(EventId = 1852, Level = LogLevel.Information, Message = "Adaptation job {Job} kept base model {BaseVersion}: no label has enough of the {Decisions} decisions")]
    public static partial void AdaptJobKeptBase(this ILogger logger, string job, string baseVersion, int decisions);

    [LoggerMessage(EventId = 1853, Level = LogLevel.Warning, Message = "Adaptation job {Job} on base model {BaseVersion} failed: {Reason}")]
    public static partial void AdaptJobFailed(this ILogger logger, string job, string baseVersion, string reason);
}
