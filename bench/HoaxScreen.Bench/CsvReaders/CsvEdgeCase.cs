using System.Text;

namespace HoaxScreen.Bench.CsvReaders;

/// <summary>
/// A small file and what a correct reader makes of it: either its records (header first) with the separator and the
/// line each data record starts on, or an error that names <see cref="ErrorLine"/>.
/// </summary>
internal sealed record CsvEdgeCase(string Name, byte[] Content, char Delimiter, string[][]? Records, int[]? DataLines, int? ErrorLine)
{
    public bool ExpectsError => ErrorLine is not null;

    public static CsvEdgeCase Reads(string name, string text, char delimiter, string[][] records, int[] dataLines) =>
        new(name, Encoding.UTF8.GetBytes(text), delimiter, records, dataLines, null);

    public static CsvEdgeCase Fails(string name, string text, int line) => Fails(name, Encoding.UTF8.GetBytes(text), line);

    public static CsvEdgeCase Fails(string name, byte[] content, int line) => new(name, content, ',', null, null, line);
}
