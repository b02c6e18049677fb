using HoaxScreen.Core.Data;

namespace HoaxScreen.Bench.CsvReaders;

/// <summary>
/// CsvHelper's byte reader behind a UTF-8 check of the whole file first (<see cref="Utf8FileCheck"/>): the one way found
/// to have it reject bad bytes with their line, at the cost of reading the file twice.
/// </summary>
internal sealed class PrecheckedCsvHelperCandidate : ICsvCandidate
{
    private readonly CsvHelperCandidate _inner = new(strictText: false);
    private readonly HandWrittenCandidate _messages = new();

    public string Name => "CsvHelper 34.0.0 + UTF-8 check first";

    public bool NeedsOwnCode => true;

    public (int Posts, long Characters) ReadPosts(string path)
    {
        Check(path);
        return _inner.ReadPosts(path);
    }

    public CsvReadResult ReadAll(string path)
    {
        Check(path);
        return _inner.ReadAll(path);
    }

    public int? ErrorLine(Exception error) => error is DataFormatException ? _messages.ErrorLine(error) : _inner.ErrorLine(error);

    private static void Check(string path)
    {
        if (Utf8FileCheck.FirstInvalidLine(path) is { } line)
        {
            throw new DataFormatException($"{path}:{line}: not valid UTF-8 text (save the file as UTF-8)");
        }
    }
}
