namespace HoaxScreen.Training.Data;

/// <summary>
/// How one CSV file maps onto HoaxScreen labels. <see cref="Labels"/> maps a label to a column,
/// or to several as "A|B" (positive when any is 1). Without <see cref="Labels"/> the file is read
/// as canonical: every column except text, id and source is a label.
/// </summary>
public sealed record SourceMapping
{
    public required string Path { get; init; }

    public string Text { get; init; } = "text";

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>
    /// Per label, the value a row of this source takes when the file says nothing about it (no column, or an empty
    /// cell): e.g. <c>{ "hoax": 0 }</c> for a set of ordinary tweets that are evidently not circulated claims. Without
    /// an entry, "empty means unknown" holds: the row counts for that label neither way. Only 0 or 1.
    /// </summary>
    public IReadOnlyDictionary<string, int>? Defaults { get; init; }

    /// <summary>Optional cap on rows read (first N), for quick experiments.</summary>
    public int? MaxRows { get; init; }

    /// <summary>
    /// The field separator (',' ';' or tab) when the user named one (<c>--data</c> with <c>--delimiter</c>); null to
    /// detect it from the file's header line. Not part of the recipe format.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public char? Delimiter { get; init; }
}
