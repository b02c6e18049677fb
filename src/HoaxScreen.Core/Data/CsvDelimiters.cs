namespace HoaxScreen.Core.Data;

/// <summary>
/// The field separators HoaxScreen reads: ',' (RFC 4180), ';' (what spreadsheet programs write where the decimal
/// separator is a comma, as on an Indonesian locale) and tab. Detected from a file's header line, or named by the user.
/// </summary>
public static class CsvDelimiters
{
    /// <summary>The separators, in the order that breaks a tie in <see cref="Detect"/>.</summary>
    public static IReadOnlyList<char> All { get; } = [',', ';', '\t'];

    /// <summary>How a user names a separator: <c>,</c>, <c>;</c> or <c>tab</c> (also comma, semicolon, \t); null for anything else.</summary>
    public static char? Parse(string name) => name == "\t" ? '\t' : name.Trim().ToLowerInvariant() switch
    {
        "," or "comma" => ',',
        ";" or "semicolon" => ';',
        "tab" or "\\t" => '\t',
        _ => null,
    };

    /// <summary>A separator as a user writes it: <c>,</c>, <c>;</c> or <c>tab</c>.</summary>
    public static string Name(char delimiter) => delimiter == '\t' ? "tab" : delimiter.ToString();

    /// <summary>
    /// The separator of a header line: whichever of ',' ';' and tab occurs most often outside double quotes up to the
    /// first line break (',' on a tie or when none occurs, e.g. a header of one column). Blank lines before it are skipped.
    /// </summary>
    public static char Detect(ReadOnlySpan<char> text)
    {
        text = text.TrimStart("\r\n");
        Span<int> counts = stackalloc int[3];
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes)
            {
                if (c is '\r' or '\n')
                {
                    break;
                }

                var index = c switch { ',' => 0, ';' => 1, '\t' => 2, _ => -1 };
                if (index >= 0)
                {
                    counts[index]++;
                }
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return All[best];
    }

    /// <summary>Added to a wrong field count: which separator the file is read with, and what to do.</summary>
    public static string FieldCountHint(char delimiter) =>
        $"fields are separated by '{Name(delimiter)}'; put a text that contains '{Name(delimiter)}' in double quotes, or give the right --delimiter";

    /// <summary>
    /// Added to a missing column when the header is read as one column that holds another separator (the file was read
    /// with the wrong one): which one it looks like. Empty otherwise.
    /// </summary>
    public static string HeaderHint(IReadOnlyList<string> header, char delimiter)
    {
        if (header.Count != 1)
        {
            return string.Empty;
        }

        var other = All.Where(d => d != delimiter && header[0].Contains(d, StringComparison.Ordinal)).Select(d => (char?)d).FirstOrDefault();
        return other is { } looks
            ? $"; the header looks separated by '{Name(looks)}', not '{Name(delimiter)}': give --delimiter {(looks == '\t' ? "tab" : $"'{looks}'")} or leave --delimiter out"
            : string.Empty;
    }
}
