namespace HoaxScreen.Training.BulkScoring;

/// <summary>Posts of an input file in file order, one per data row or line, with the file position for progress.</summary>
public interface IPostReader : IDisposable
{
    /// <summary>The file's size in bytes (0 when unknown, e.g. a pipe).</summary>
    long Length { get; }

    /// <summary>Bytes of the file read so far.</summary>
    long Position { get; }

    /// <summary>
    /// Whether the input has ids, so CSV output starts with an <c>id</c> column: a CSV input has an <c>id</c> column; a
    /// JSON Lines input's first post has an <c>id</c> field.
    /// </summary>
    bool HasIds { get; }

    /// <summary>
    /// The next post's text and its id as JSON text (null when the row has none);
    /// false at the end. Bad input throws a <see cref="Core.Data.DataFormatException"/> naming file:line.
    /// </summary>
    bool TryRead(out string text, out string? idJson);
}
