namespace HoaxScreen.Core.Claims;

/// <summary>The fact-check store cannot be opened or used: one line naming the file and what is wrong.</summary>
public sealed class ClaimStoreException(string message, Exception? inner = null) : Exception(message, inner);
