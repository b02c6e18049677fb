using System.Text;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Speed;

/// <summary>
/// The texts the benchmarks score: the team's own corpus (data/posts.csv) as tweet-length posts, consecutive posts
/// joined into ~2,000-character posts, and for bulk runs the tweet-length texts of ../shared/data when it is there.
/// </summary>
public static class Corpus
{
    /// <summary>Posts of at most this many characters count as tweet-length.</summary>
    public const int TweetLimit = 280;

    /// <summary>Length of the long posts.</summary>
    public const int LongLength = 2000;

    /// <summary>The shared datasets made of posts and tweets (the news-article set is left out: its texts are ~2,000 characters).</summary>
    public static readonly string[] SharedPostSets = ["ibrohim2019-hs-abusive", "netifier2018-toxic", "indonesia-false-news-posts"];

    private static readonly Lazy<string[]> TeamPosts = new(() => ReadTexts(BenchPaths.Posts));

    /// <summary>The text column of data/posts.csv, in file order.</summary>
    public static IReadOnlyList<string> Tweets => TeamPosts.Value;

    /// <summary>
    /// Posts of about <see cref="LongLength"/> characters: consecutive posts of data/posts.csv joined by a space until the
    /// length is reached, cut at the last space before it. Each starts at a different post.
    /// </summary>
    public static string[] LongPosts(int count)
    {
        var tweets = Tweets;
        var result = new string[count];
        var builder = new StringBuilder(LongLength + 300);
        for (var i = 0; i < count; i++)
        {
            builder.Clear();
            for (var k = i * 7; builder.Length < LongLength; k++)
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(tweets[k % tweets.Count]);
            }

            var text = builder.ToString(0, LongLength);
            var cut = text.LastIndexOf(' ');
            result[i] = cut > LongLength - 200 ? text[..cut] : text;
        }

        return result;
    }

    /// <summary>
    /// Texts for a bulk run: the tweet-length texts of the shared post sets when ../shared/data is there, otherwise
    /// data/posts.csv. <paramref name="source"/> says which.
    /// </summary>
    public static string[] BulkTexts(out string source)
    {
        var texts = new List<string>();
        var sets = new List<string>();
        foreach (var set in SharedPostSets)
        {
            var path = Path.Combine(BenchPaths.SharedData, set, "train.csv");
            if (File.Exists(path))
            {
                texts.AddRange(ReadTexts(path).Where(t => t.Length is > 0 and <= TweetLimit));
                sets.Add(set);
            }
        }

        if (texts.Count == 0)
        {
            source = $"data/posts.csv ({Tweets.Count:N0} posts)";
            return [.. Tweets];
        }

        source = $"../shared/data {string.Join(" + ", sets)}, texts of 1-{TweetLimit} characters ({texts.Count:N0} posts)";
        return [.. texts];
    }

    public static double MeanLength(IEnumerable<string> texts) => texts.Average(t => (double)t.Length);

    private static string[] ReadTexts(string path)
    {
        using var reader = CsvRecordReader.Open(path);
        var header = reader.ReadRecord() ?? throw new InvalidDataException($"{path}: empty");
        var column = Array.FindIndex(header, h => string.Equals(h.Trim(), "text", StringComparison.OrdinalIgnoreCase));
        if (column < 0)
        {
            throw new InvalidDataException($"{path}: no text column");
        }

        var texts = new List<string>();
        while (reader.ReadRecord() is { } record)
        {
            if (column < record.Length)
            {
                texts.Add(record[column]);
            }
        }

        return [.. texts];
    }
}
