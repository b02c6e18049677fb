namespace HoaxScreen.Core.Data;

/// <summary>RFC 4180 field quoting for the CSV files HoaxScreen writes.</summary>
public static class CsvText
{
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
