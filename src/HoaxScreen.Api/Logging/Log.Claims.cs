namespace HoaxScreen.Api.Logging;

/// <summary>Log messages of known-hoax matching (claim texts are never logged, only counts and revisions).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1600, Level = LogLevel.Information, Message = "Known-hoax matching over {Claims} claims (store revision {Revision})")]
    public static partial void ClaimMatcherBuilt(this ILogger logger, int claims, long revision);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "Known-hoax matching keeps its previous claims: rebuilding from the store failed ({Reason})")]
    public static partial void ClaimMatcherRefreshFailed(this ILogger logger, string reason);
}
