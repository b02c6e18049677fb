namespace HoaxScreen.Core.Data;

/// <summary>Bad input data: the message is one line naming the file (and line) and what is wrong.</summary>
public sealed class DataFormatException(string message, Exception? inner = null) : Exception(message, inner);
