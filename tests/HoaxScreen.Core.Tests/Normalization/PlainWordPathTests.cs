using HoaxScreen.Core.Data;
using HoaxScreen.Core.Text;
using HoaxScreen.Tests.Shared;
using static HoaxScreen.Core.Tests.Normalization.NormalizerTestKit;

namespace HoaxScreen.Core.Tests.Normalization;

/// <summary>
/// <see cref="WordRepair.TryWritePlain"/> lets most words of a post skip <see cref="WordRepair.Repair"/> in both
/// <see cref="TextNormalizer.Normalize"/> and <see cref="TextNormalizer.Analyze"/>; whenever it takes a word it must
/// write exactly the tokens Repair gives, and when it declines it must write nothing.
/// </summary>
public class PlainWordPathTests
{
    private static readonly Lazy<string[]> Words = new(CollectWords);

    private static IEnumerable<TestCaseData> Cases()
    {
        var bundle = new Lazy<Lexicon>(() => Lexicon.LoadFolder(RepoPaths.DefaultModel));
        foreach (var (name, settings) in new[]
        {
            ("default rules", NormalizerSettings.Default),
            ("minimal rules", NormalizerSettings.Minimal),
            ("no elongation", NormalizerSettings.Default with { ShortenElongation = false }),
            ("no slang", NormalizerSettings.Default with { ExpandSlang = false }),
        })
        {
            yield return new TestCaseData(settings, new Func<Lexicon>(() => bundle.Value)).SetArgDisplayNames($"bundle models/default, {name}");
            yield return new TestCaseData(settings, new Func<Lexicon>(() => TestLexicon)).SetArgDisplayNames($"test lexicon, {name}");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void TryWritePlain_CorpusAndGeneratedWords_WritesWhatRepairReturns(NormalizerSettings settings, Func<Lexicon> lexicon)
    {
        var failures = new List<string>();
        var plain = 0;
        foreach (var word in Words.Value)
        {
            var sink = new CollectingSink([]);
            var taken = WordRepair.TryWritePlain(word, new Piece(PieceKind.Word, 0, word.Length), settings, lexicon(), ref sink);
            var expected = taken ? WordRepair.Repair(word.ToLowerInvariant(), settings, lexicon()).ToArray() : [];
            plain += taken ? 1 : 0;
            if (!sink.Tokens.SequenceEqual(expected) && failures.Count < 10)
            {
                failures.Add($"\"{Escape(word)}\": plain path [{string.Join(' ', sink.Tokens)}], Repair [{string.Join(' ', expected)}]");
            }
        }

        Assert.That(failures, Is.Empty, string.Join('\n', failures));
        Assert.That(plain, Is.GreaterThan(Words.Value.Length / 4), "the plain path should take most words, or this test checks nothing");
    }

    // Every run of ASCII letters in the team's posts, plus generated words with elongations, repeated pairs, mixed case,
    // slang keys and the length limit, and words the plain path must decline (digits, masks, symbols, non-ASCII).
    private static string[] CollectWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = CsvRecordReader.Open(Path.Combine(RepoPaths.DataFolder, "posts.csv")))
        {
            var column = Array.IndexOf(reader.ReadRecord() ?? [], "text");
            while (reader.ReadRecord() is { } record)
            {
                var text = record[column];
                for (var i = 0; i < text.Length;)
                {
                    var end = i;
                    while (end < text.Length && char.IsAsciiLetter(text[end]))
                    {
                        end++;
                    }

                    if (end > i)
                    {
                        words.Add(text[i..end]);
                        i = end;
                    }
                    else
                    {
                        i++;
                    }
                }
            }
        }

        var random = new Random(20261206);
        const string Letters = "abkwhetyngAKWHE";
        for (var n = 0; n < 5000; n++)
        {
            words.Add(new string([.. Enumerable.Range(0, random.Next(1, 14)).Select(_ => Letters[random.Next(Letters.Length)])]));
        }

        words.UnionWith(["wkwkwk", "WKWKWKWK", "hahaha", "hehe", "bangeeettt", "Bangeeet", "YG", "Gpp", "bgt", "aaa", "aa", "abab", "ababab"]);
        words.UnionWith(Lexicon.LoadFolder(RepoPaths.DefaultModel).Slang.Keys.Where(k => k.All(char.IsAsciiLetter)).Select(k => k.ToUpperInvariant()));
        words.UnionWith([new string('a', 64), "ab" + new string('c', 62), "ab" + new string('x', 63), new string('q', 65), "b4b1", "a*jing", "k@fir", "sayà", "orang2"]);
        return [.. words.Order(StringComparer.Ordinal)];
    }

    private readonly struct CollectingSink(List<string> tokens) : ITokenSink
    {
        public List<string> Tokens { get; } = tokens;

        public int Count => Tokens.Count;

        public void Add(string token, in Piece piece) => Tokens.Add(token);

        public void Add(ReadOnlySpan<char> token, in Piece piece) => Tokens.Add(token.ToString());

        public void ExtendLast(in Piece piece)
        {
        }
    }
}
