using System.Text;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Bench.CsvReaders;

/// <summary>
/// The bulk run's input as the speed bench builds it (bench/HoaxScreen.Speed Corpus.BulkTexts + PostsCsv): the
/// tweet-length texts of the shared post sets (data/posts.csv without them), repeated to the count, UTF-8 without BOM, LF
/// line ends; here with an <c>id</c> column, and every 20th post joined to the next by a line break, since the shared
/// texts hold none and a quoted line break is the reader's slowest path.
/// </summary>
internal static class BulkPostsFile
{
    public const int LineBreakEvery = 20;

    private static readonly string[] SharedPostSets = ["ibrohim2019-hs-abusive", "netifier2018-toxic", "indonesia-false-news-posts"];

    public sealed record Summary(string Source, int Posts, double MeanLength, double WithComma, double WithQuote, double WithLineBreak, long Bytes);

    public static Summary Write(string path, int count)
    {
        var texts = Texts(out var source);
        var posts = new string[count];
        for (var i = 0; i < count; i++)
        {
            var text = texts[i % texts.Count];
            posts[i] = i % LineBreakEvery == LineBreakEvery - 1 ? text + "\n" + texts[(i + 1) % texts.Count] : text;
        }

        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            writer.WriteLine("id,text");
            for (var i = 0; i < count; i++)
            {
                writer.WriteLine($"p{i},{CsvText.Escape(posts[i])}");
            }
        }

        double Share(char c) => 100.0 * posts.Count(p => p.Contains(c, StringComparison.Ordinal)) / count;
        return new Summary(source, count, posts.Average(p => (double)p.Length), Share(','), Share('"'), Share('\n'), new FileInfo(path).Length);
    }

    private static List<string> Texts(out string source)
    {
        var texts = new List<string>();
        var sets = new List<string>();
        foreach (var set in SharedPostSets)
        {
            var path = Path.Combine(BenchPaths.SharedData, set, "train.csv");
            if (File.Exists(path))
            {
                texts.AddRange(ReadTexts(path).Where(t => t.Length is > 0 and <= 280));
                sets.Add(set);
            }
        }

        if (texts.Count == 0)
        {
            texts.AddRange(ReadTexts(BenchPaths.Posts));
            source = $"data/posts.csv ({texts.Count:N0} texts)";
            return texts;
        }

        source = $"../shared/data {string.Join(" + ", sets)}, texts of 1-280 characters ({texts.Count:N0} texts)";
        return texts;
    }

    private static IEnumerable<string> ReadTexts(string path)
    {
        using var reader = CsvRecordReader.Open(path, delimiter: null);
        var header = reader.ReadRecord() ?? throw new DataFormatException($"{path}:1: file is empty");
        var column = CsvColumns.IndexOf(header, "text");
        var texts = new List<string>();
        while (reader.ReadRecord() is { } record)
        {
            texts.Add(record[column]);
        }

        return texts;
    }
}
