namespace HoaxScreen.Core.Claims;

/// <summary>
/// A fact-check file cannot be imported: one line naming the file and the line (record, for a JSON document) and what
/// is wrong, e.g. <c>claims.csv:4: missing claim</c>.
/// </summary>
public sealed class ClaimImportException(string message, Exception? inner = null) : Exception(message, inner);
