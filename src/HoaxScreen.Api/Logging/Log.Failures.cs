namespace HoaxScreen.Api.Logging;

/// <summary>Log messages for unexpected failures, written through <see cref="Errors.RepeatedFailureLog"/>.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Error, Message = "Unexpected failure on {Method} {Path} ({Failure})")]
    public static partial void UnexpectedFailure(this ILogger logger, string method, string path, string failure, Exception exception);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Error,
        Message = "Unexpected failure on {Method} {Path} ({Failure}) again; {Suppressed} more since the last entry were not logged")]
    public static partial void UnexpectedFailureRepeated(this ILogger logger, string method, string path, string failure, long suppressed);
}
