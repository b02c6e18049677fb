using System.Text;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Speed;

/// <summary>Input files for the score CLI: one <c>text</c> column, UTF-8 without BOM, LF line ends.</summary>
internal static class PostsCsv
{
    public static void Write(string path, IEnumerable<string> texts)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine("text");
        foreach (var text in texts)
        {
            writer.WriteLine(CsvText.Escape(text));
        }
    }
}
