namespace HoaxScreen.Api.Logging;

/// <summary>Log messages of known-hoax matching (claim texts are never logged, only counts and revisions).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1600, Level = LogLevel.Information, Message = "Known-hoax matching over {Claims} claims (store revision {Revision})")]
    public static partial void ClaimMatcherBuilt(this ILogger logger, int claims, long revision);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "Known-hoax matching keeps its previous claims: rebuilding from the store failed ({Reason})")]
    public static partial void ClaimMatcherRefreshFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information,
        Message = "Imported a {Format} claims file over HTTP: {Records} records, added {Added}, updated {Updated}, unchanged {Unchanged}; the store holds {Total} claims (revision {Revision})")]
    public static partial void ClaimsImported(this ILogger logger, string format, int records, int added, int updated, int unchanged, long total, long revision);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Debug, Message = "Refused a claims file: {Reason}")]
    public static partial void ClaimImportRefused(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Information, Message = "Deleted claim {ClaimId} over HTTP (store revision {Revision})")]
    public static partial void ClaimDeleted(this ILogger logger, string claimId, long revision);

    [LoggerMessage(EventId = 1605, Level = LogLevel.Warning, Message = "The claims store could not be {Action}: {Reason}")]
    public static partial void ClaimStoreFailed(this ILogger logger, string action, string reason);
}
