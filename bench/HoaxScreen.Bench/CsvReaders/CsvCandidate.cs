namespace HoaxScreen.Bench.CsvReaders;

/// <summary>One record as a reader returned it: the line it starts on (0 when the reader cannot say) and its fields.</summary>
internal sealed record CsvRow(int Line, string[] Fields);

/// <summary>What a reader made of a whole file: the separator it used and its records, the header first.</summary>
internal sealed record CsvReadResult(char Delimiter, IReadOnlyList<CsvRow> Rows);

/// <summary>
/// A CSV reader under comparison, configured as strictly as it allows and used as HoaxScreen uses its own: the separator
/// detected from the header, blank lines skipped, every row checked to have the header's number of fields.
/// </summary>
internal interface ICsvCandidate
{
    string Name { get; }

    /// <summary>Whether HoaxScreen code beyond the field-count check its callers do anyway stands around the reader.</summary>
    bool NeedsOwnCode => false;

    /// <summary>
    /// The bulk <c>score</c>'s reading: the id and text of every post as strings. Returns how many posts and their
    /// characters, so the readers can be checked against each other and nothing is optimised away.
    /// </summary>
    (int Posts, long Characters) ReadPosts(string path);

    /// <summary>Every record of the file, or the reader's exception.</summary>
    CsvReadResult ReadAll(string path);

    /// <summary>The line an error of this reader names (from a property or its message), or null when it names none.</summary>
    int? ErrorLine(Exception error);
}
