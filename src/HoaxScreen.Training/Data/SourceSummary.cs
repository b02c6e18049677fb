namespace HoaxScreen.Training.Data;

/// <summary>What was read from one source file, for the manifest and the training report.</summary>
public sealed record SourceSummary(
    string Path,
    string FileName,
    string Sha256,
    int Rows,
    int SkippedEmptyText,
    string TextColumn,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, int>? Defaults = null);
