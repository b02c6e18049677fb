namespace HoaxScreen.Bench.CsvReaders;

/// <summary>Finding a column by its header, as <c>CsvPostReader</c> does: trimmed, ignoring case.</summary>
internal static class CsvColumns
{
    public static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new InvalidDataException($"no '{name}' column (columns: {string.Join(", ", header)})");
    }
}
