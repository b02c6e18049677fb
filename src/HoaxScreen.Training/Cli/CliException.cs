namespace HoaxScreen.Training.Cli;

/// <summary>A usage error a command finds after parsing (e.g. two options that do not go together): printed as one line, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);
