namespace HoaxScreen.Api.Logging;

internal static partial class Log
{
    [LoggerMessage(EventId = 1060, Level = LogLevel.Warning, Message = "Term lists could not be refreshed ({Reason}); the previous lists stay in use")]
    public static partial void TermListRefreshFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1061, Level = LogLevel.Information, Message = "Term list {Name} {Change} ({Terms} terms, flag {Flag})")]
    public static partial void TermListChanged(this ILogger logger, string name, string change, int terms, bool flag);
}
