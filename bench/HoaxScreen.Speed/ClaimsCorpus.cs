using System.Globalization;
using System.Text;
using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Speed;

/// <summary>
/// A generated fact-check store and the posts matched against it, the same for the same seed: Indonesian-like headlines
/// drawn word by word from the vocabulary of the team's data/claims/claims.csv and data/posts.csv (each word as often as
/// it is there, so common words have long postings as in a real store), with a number in some. Posts are half
/// paraphrases of generated claims (a word dropped, replaced or swapped, chain-message wording around them) and half
/// data/posts.csv rows, which repeat no claim. Nothing from ../shared/data.
/// </summary>
public sealed class ClaimsCorpus
{
    private static readonly string[] Verdicts = ["HOAKS", "SALAH", "MENYESATKAN", "DISINFORMASI", "BENAR"];
    private static readonly string[] Prefixes = ["", "INFO PENTING!!", "katanya", "Hati2 bunda,", "Viral:", "beneran nih?", "[forward]"];
    private static readonly string[] Suffixes = ["", "sebarkan ke grup keluarga", "tolong share sebelum dihapus", "benarkah?", "cek sendiri deh", "🙏🙏"];

    private ClaimsCorpus(IReadOnlyList<FactCheck> claims, string[] posts, int[] postClaims)
    {
        Claims = claims;
        Posts = posts;
        PostClaims = postClaims;
    }

    public IReadOnlyList<FactCheck> Claims { get; }

    public string[] Posts { get; }

    /// <summary>For each post, the index of the claim it paraphrases, or -1 for a data/posts.csv row.</summary>
    public int[] PostClaims { get; }

    public int Paraphrases => PostClaims.Count(c => c >= 0);

    public static ClaimsCorpus Generate(int claimCount, int postCount, int seed = 23)
    {
        var random = new Random(seed);
        var teamPosts = Corpus.Tweets;
        var vocabulary = Vocabulary.From(TeamTexts().Concat(teamPosts));
        var claims = new FactCheck[claimCount];
        var start = new DateOnly(2019, 1, 1);
        for (var i = 0; i < claimCount; i++)
        {
            var id = $"gen-{i:D6}";
            var verdict = Verdicts[random.Next(Verdicts.Length)];
            claims[i] = new FactCheck
            {
                Id = id,
                Claim = Headline(random, vocabulary),
                Verdict = verdict,
                Rating = ClaimRatings.FromVerdict(verdict),
                Url = $"https://example.org/cek-fakta/{id}",
                Publisher = "Generated (bench)",
                Published = start.AddDays(random.Next(2200)),
                Text = Sentence(random, vocabulary, 12, 30),
            };
        }

        var posts = new string[postCount];
        var postClaims = new int[postCount];
        for (var p = 0; p < postCount; p++)
        {
            if (p % 2 == 0)
            {
                var c = random.Next(claimCount);
                posts[p] = Paraphrase(random, vocabulary, claims[c].Claim);
                postClaims[p] = c;
            }
            else
            {
                posts[p] = teamPosts[random.Next(teamPosts.Count)];
                postClaims[p] = -1;
            }
        }

        return new ClaimsCorpus(claims, posts, postClaims);
    }

    /// <summary>The claims as the canonical CSV (what <c>claims import</c> reads).</summary>
    public void WriteCsv(string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine("id,claim,verdict,url,publisher,published,text");
        foreach (var c in Claims)
        {
            writer.WriteLine(string.Join(',', c.Id, Quote(c.Claim), c.Verdict, c.Url, c.Publisher,
                c.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Quote(c.Text ?? "")));
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string Headline(Random random, Vocabulary vocabulary)
    {
        var words = Words(random, vocabulary, 6, 15);
        if (random.NextDouble() < 0.3)
        {
            var number = random.NextDouble() < 0.5 ? random.Next(2019, 2026) : random.Next(1, 500);
            words.Insert(random.Next(words.Count + 1), number.ToString(CultureInfo.InvariantCulture));
        }

        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words);
    }

    private static string Sentence(Random random, Vocabulary vocabulary, int min, int max) =>
        string.Join(' ', Words(random, vocabulary, min, max));

    private static List<string> Words(Random random, Vocabulary vocabulary, int min, int max)
    {
        var count = random.Next(min, max + 1);
        var words = new List<string>(count + 1);
        for (var k = 0; k < count; k++)
        {
            words.Add(vocabulary.Draw(random));
        }

        return words;
    }

    private static string Paraphrase(Random random, Vocabulary vocabulary, string claim)
    {
        var words = claim.Split(' ').ToList();
        if (random.NextDouble() < 0.5 && words.Count > 4)
        {
            words.RemoveAt(random.Next(words.Count));
        }

        if (random.NextDouble() < 0.5)
        {
            words[random.Next(words.Count)] = vocabulary.Draw(random);
        }

        if (random.NextDouble() < 0.3 && words.Count > 2)
        {
            var k = random.Next(words.Count - 1);
            (words[k], words[k + 1]) = (words[k + 1], words[k]);
        }

        var prefix = Prefixes[random.Next(Prefixes.Length)];
        var suffix = Suffixes[random.Next(Suffixes.Length)];
        return $"{prefix} {string.Join(' ', words)} {suffix}".Trim();
    }

    private static IEnumerable<string> TeamTexts()
    {
        using var reader = CsvRecordReader.Open(Path.Combine(BenchPaths.Root, "data", "claims", "claims.csv"));
        var header = reader.ReadRecord() ?? throw new InvalidDataException("data/claims/claims.csv: empty");
        var claim = Array.IndexOf(header, "claim");
        var text = Array.IndexOf(header, "text");
        var texts = new List<string>();
        while (reader.ReadRecord() is { } record)
        {
            texts.Add(record[claim]);
            texts.Add(record[text]);
        }

        return texts;
    }

    /// <summary>Lower-case words of letters (2 or more) with their counts; drawn in proportion to their counts.</summary>
    private sealed class Vocabulary
    {
        private readonly string[] _words;
        private readonly long[] _cumulative;

        private Vocabulary(string[] words, long[] cumulative)
        {
            _words = words;
            _cumulative = cumulative;
        }

        public static Vocabulary From(IEnumerable<string> texts)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var word = new StringBuilder();
            foreach (var text in texts)
            {
                foreach (var ch in text + " ")
                {
                    if (char.IsLetter(ch))
                    {
                        word.Append(char.ToLowerInvariant(ch));
                        continue;
                    }

                    if (word.Length >= 2 && word.ToString() is not ("user" or "url" or "http" or "https"))
                    {
                        var w = word.ToString();
                        counts[w] = counts.GetValueOrDefault(w) + 1;
                    }

                    word.Clear();
                }
            }

            // Sorted, so the draw does not depend on the dictionary's order.
            var words = counts.Keys.Order(StringComparer.Ordinal).ToArray();
            var cumulative = new long[words.Length];
            var total = 0L;
            for (var i = 0; i < words.Length; i++)
            {
                total += counts[words[i]];
                cumulative[i] = total;
            }

            return new Vocabulary(words, cumulative);
        }

        public string Draw(Random random)
        {
            var target = random.NextInt64(_cumulative[^1]);
            var i = Array.BinarySearch(_cumulative, target + 1);
            return _words[i >= 0 ? i : ~i];
        }
    }
}
