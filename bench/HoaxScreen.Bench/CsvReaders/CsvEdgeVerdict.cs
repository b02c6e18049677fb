namespace HoaxScreen.Bench.CsvReaders;

/// <summary>One reader on one edge case: whether it did what the case expects, a short cell for the table, and its message.</summary>
internal sealed record CsvEdgeVerdict(bool Passed, string Cell, string? Message)
{
    private const int MessageLength = 160;

    public static CsvEdgeVerdict Judge(CsvEdgeCase edge, ICsvCandidate reader, string path)
    {
        CsvReadResult result;
        try
        {
            result = reader.ReadAll(path);
        }
        catch (Exception ex)
        {
            var message = OneLine(ex, path);
            var line = reader.ErrorLine(ex);
            if (!edge.ExpectsError)
            {
                return new(false, $"✘ rejects a valid file ({ex.GetType().Name})", message);
            }

            return line == edge.ErrorLine
                ? new(true, $"✔ error, line {line}", message)
                : new(false, line is null ? $"~ error, no line ({ex.GetType().Name})" : $"~ error, line {line} (not {edge.ErrorLine})", message);
        }

        if (edge.ExpectsError)
        {
            return new(false, $"✘ not detected: {result.Rows.Count - 1} data rows", null);
        }

        var difference = Difference(edge, result);
        return difference is null ? new(true, "✔ reads it", null) : new(false, $"✘ {difference}", null);
    }

    private static string? Difference(CsvEdgeCase edge, CsvReadResult result)
    {
        var expected = edge.Records!;
        if (result.Delimiter != edge.Delimiter && expected.Length > 0)
        {
            return $"separator {Show(result.Delimiter)}, not {Show(edge.Delimiter)}";
        }

        if (result.Rows.Count != expected.Length)
        {
            return $"{result.Rows.Count} records, not {expected.Length}";
        }

        for (var i = 0; i < expected.Length; i++)
        {
            if (!result.Rows[i].Fields.SequenceEqual(expected[i]))
            {
                return $"record {i + 1} is [{string.Join(" | ", result.Rows[i].Fields.Select(Show))}]";
            }
        }

        var lines = result.Rows.Skip(1).Select(r => r.Line).ToArray();
        return lines.SequenceEqual(edge.DataLines!) ? null : $"lines {string.Join(",", lines)}, not {string.Join(",", edge.DataLines!)}";
    }

    private static string Show(char c) => c == '\t' ? "tab" : $"'{c}'";

    private static string Show(string field) => field.Replace("\uFEFF", "<BOM>", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>The message's first line, the temporary file's folder left out so the table shows what a user would read.</summary>
    private static string OneLine(Exception ex, string path)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}".Replace(Path.GetDirectoryName(path)! + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
        var first = text.Split('\n')[0].Trim();
        return first.Length > MessageLength ? first[..MessageLength] + "…" : first;
    }
}
