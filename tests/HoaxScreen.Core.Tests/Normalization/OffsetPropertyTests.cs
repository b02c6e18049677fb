using System.Text;
using HoaxScreen.Core.Text;
using static HoaxScreen.Core.Tests.Normalization.NormalizerTestKit;

namespace HoaxScreen.Core.Tests.Normalization;

/// <summary>
/// Property-style checks over generated posts: words are obfuscated in the ways the normaliser undoes, joined with
/// spaces, punctuation and emoji, and each word's span in the post is recorded. The token spans must map back to
/// exactly those words. Every post has its own seed (printed on failure) so a failing post can be replayed.
/// </summary>
public class OffsetPropertyTests
{
    private const int BaseSeed = 20261129;
    private const int PostCount = 2000;

    // Words the generator obfuscates; none is a slang key, none has a one-letter twin in the lexicon (so elongation
    // is unambiguous), and the two jancok/jancuk make some masks ambiguous on purpose.
    private static readonly string[] PropertyWatchwords = ["anjing", "babi", "kafir", "goblok", "bangsat", "setan", "tolol", "jancok", "jancuk", "bajingan", "kampret"];

    private static readonly string[] OrdinaryWords =
    [
        "dasar", "semua", "berita", "pemerintah", "vaksin", "covid", "rakyat", "presiden", "jangan", "percaya", "sebarkan",
        "sekarang", "bohong", "palsu", "hoaks", "warga", "desa", "kabar", "polisi", "penipu", "tolak", "banget", "allah",
        "mantap", "sekali", "parah", "viral", "tiktok", "jakarta", "budi", "dukun", "obat", "kanker", "sembuh",
    ];

    // Words the lexicon does not know: leet still decodes (digits are interior) and elongation keeps one letter.
    private static readonly string[] UnknownWords = ["sirsak", "rebusan", "mujarab", "hadiah", "undian"];

    private static readonly string[] NumericWords = ["2024", "covid19", "5g", "mp3", "1000000"];

    private static readonly Lexicon PropertyLexicon = new(
        Slang,
        PropertyWatchwords,
        OrdinaryWords.Where(w => !PropertyWatchwords.Contains(w)));

    private static readonly TextNormalizer Normalizer = new(NormalizerSettings.Default, PropertyLexicon);

    private static readonly Lazy<GeneratedPost[]> Posts = new(() =>
        [.. Enumerable.Range(0, PostCount).Select(i => PostGenerator.Generate(BaseSeed + i, PropertyLexicon))]);

    [Test]
    public void Analyze_GeneratedPosts_EveryTokenSpanLiesWithinOriginal()
    {
        var failures = new List<string>();
        foreach (var post in Posts.Value)
        {
            foreach (var token in Normalizer.Analyze(post.Text).Tokens)
            {
                if (token.Start < 0 || token.Length <= 0 || token.End > post.Text.Length)
                {
                    failures.Add(post.Describe($"token {token} lies outside the original (length {post.Text.Length})"));
                }
            }
        }

        Assert.That(failures, Is.Empty, Summary(failures));
    }

    [Test]
    public void Analyze_GeneratedPosts_TokensAreOrderedAndSpansOfDifferentWordsDoNotOverlap()
    {
        var failures = new List<string>();
        foreach (var post in Posts.Value)
        {
            var tokens = Normalizer.Analyze(post.Text).Tokens;
            for (var i = 1; i < tokens.Count; i++)
            {
                var (previous, current) = (tokens[i - 1], tokens[i]);
                var sameSpan = previous.Start == current.Start && previous.Length == current.Length;
                if (current.Start < previous.Start)
                {
                    failures.Add(post.Describe($"token {i} {current} starts before token {i - 1} {previous}"));
                }
                else if (!sameSpan && current.Start < previous.End)
                {
                    failures.Add(post.Describe($"token {i} {current} overlaps token {i - 1} {previous}"));
                }
            }
        }

        Assert.That(failures, Is.Empty, Summary(failures));
    }

    [Test]
    public void Analyze_GeneratedPosts_EveryWordHasATokenWithItsSpanAndCleanText()
    {
        var failures = new List<string>();
        foreach (var post in Posts.Value)
        {
            var tokens = Normalizer.Analyze(post.Text).Tokens;
            foreach (var word in post.Words)
            {
                var match = tokens.Where(t => t.Start == word.Start && t.Length == word.Length).ToList();
                if (match.Count != 1 || match[0].Text != word.Clean)
                {
                    failures.Add(post.Describe(
                        $"word \"{word.Clean}\" written as \"{Escape(word.Written)}\" ({word.Kind}) at {word.Start}+{word.Length}: "
                        + (match.Count == 0 ? "no token with that span" : "tokens " + string.Join(", ", match))));
                }
            }
        }

        Assert.That(failures, Is.Empty, Summary(failures));
    }

    [Test]
    public void Analyze_GeneratedPosts_TokenSequenceIsExactlyTheWordsAndEmoji()
    {
        var failures = new List<string>();
        foreach (var post in Posts.Value)
        {
            var actual = Normalizer.Analyze(post.Text).Tokens.Select(t => (t.Text, t.Start, t.Length));
            var expected = post.ExpectedTokens.Select(t => (t.Text, t.Start, t.Length));
            if (!actual.SequenceEqual(expected))
            {
                failures.Add(post.Describe($"expected [{string.Join(", ", expected)}] but got [{string.Join(", ", actual)}]"));
            }
        }

        Assert.That(failures, Is.Empty, Summary(failures));
    }

    [Test]
    public void Generate_TwoThousandPosts_UsesEveryObfuscation()
    {
        var kinds = Posts.Value.SelectMany(p => p.Words).GroupBy(w => w.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(Enum.GetValues<Obfuscation>().Where(k => kinds.GetValueOrDefault(k) < 100), Is.Empty,
            "obfuscations used fewer than 100 times: " + string.Join(", ", kinds));
    }

    [Test]
    public void Generate_SameSeed_GivesSamePost()
    {
        var first = PostGenerator.Generate(BaseSeed, PropertyLexicon);
        var second = PostGenerator.Generate(BaseSeed, PropertyLexicon);
        Assert.That(second.Text, Is.EqualTo(first.Text));
    }

    private static string Summary(List<string> failures) =>
        $"{failures.Count} failure(s) over {PostCount} posts (base seed {BaseSeed}); first ones:\n" + string.Join("\n", failures.Take(10));

    internal enum Obfuscation
    {
        Plain,
        UpperCase,
        Leet,
        SpacedLetters,
        Mask,
        Elongation,
        ZeroWidth,
        FullWidth,
        Mathematical,
        Homoglyph,
    }

    internal sealed record GeneratedWord(string Clean, string Written, Obfuscation Kind, int Start, int Length);

    internal sealed record GeneratedPost(int Seed, string Text, IReadOnlyList<GeneratedWord> Words, IReadOnlyList<NormalizedToken> ExpectedTokens)
    {
        public string Describe(string problem) => $"seed {Seed}: \"{Escape(Text)}\": {problem}";
    }

    internal static class PostGenerator
    {
        private static readonly string[] Invisible = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"];
        private static readonly string[] SpacedGaps = [" ", ".", "-", "_", "*", ". ", " - ", "·"];
        private static readonly string[] PlainSeparators = [" ", " ", " ", "  ", ", ", "! ", "!! ", "? ", ". ", " ... ", "\n", " - ", " (", ") ", ": ", "\t"];
        private static readonly string[] WhitespaceSeparators = [" ", "  ", "\n", "\t"];
        private static readonly string[] HardSeparators = [", ", "! ", "? ", " ?! ", ",", "!"];
        private static readonly string[] Emoji = ["😡", "🙏", "😂", "🔥", "👍", "❤"];

        // Latin letter → look-alikes the normaliser folds back (Cyrillic, Greek and one Latin-extended letter).
        private static readonly Dictionary<char, string> Homoglyphs = new()
        {
            ['a'] = "аα", ['b'] = "вβ", ['c'] = "с", ['d'] = "ԁ", ['e'] = "еε", ['g'] = "ɡ", ['h'] = "н", ['i'] = "іι", ['j'] = "ј",
            ['k'] = "кκ", ['m'] = "м", ['o'] = "оο", ['p'] = "рρ", ['s'] = "ѕ", ['t'] = "тτ", ['u'] = "υ", ['v'] = "ν", ['w'] = "ԝ",
            ['x'] = "хχ", ['y'] = "у",
        };

        private static readonly Dictionary<char, string[]> Leet = new()
        {
            ['a'] = ["4", "@"], ['i'] = ["1"], ['e'] = ["3"], ['o'] = ["0"], ['s'] = ["5", "$"], ['t'] = ["7"],
        };

        // Bold, sans-serif bold and monospace small letters: complete alphabets without holes.
        private static readonly int[] MathematicalSmallA = [0x1D41A, 0x1D5EE, 0x1D68A];

        public static GeneratedPost Generate(int seed, Lexicon lexicon)
        {
            var random = new Random(seed);
            var text = new StringBuilder();
            var words = new List<GeneratedWord>();
            var expected = new List<NormalizedToken>();
            var wordCount = random.Next(1, 13);
            var previousSpaced = false;
            var previousPunctuated = false;
            if (random.Next(5) == 0)
            {
                AppendSeparator(random, text, expected, hard: false, leading: true);
            }

            for (var w = 0; w < wordCount; w++)
            {
                var (clean, candidates) = PickWord(random);
                var written = Obfuscate(random, clean, candidates[random.Next(candidates.Length)], lexicon, out var kind);
                var spaced = kind == Obfuscation.SpacedLetters;
                if (w > 0 && spaced && previousSpaced && previousPunctuated && random.Next(2) == 0)
                {
                    // "k.a.f.i.r b a b i": a blank after letters joined by punctuation ends the run.
                    text.Append(WhitespaceSeparators[random.Next(WhitespaceSeparators.Length)]);
                }
                else if (w > 0)
                {
                    // Otherwise two words spelled with spaced letters need a separator that cannot be a gap between
                    // letters ("k a f i r b a b i" is genuinely ambiguous).
                    AppendSeparator(random, text, expected, hard: spaced && previousSpaced, leading: false);
                }

                words.Add(new GeneratedWord(clean, written, kind, text.Length, written.Length));
                expected.Add(new NormalizedToken(clean, text.Length, written.Length));
                text.Append(written);
                previousSpaced = spaced;
                previousPunctuated = spaced && written.AsSpan().IndexOfAny(".-_*·") >= 0;
            }

            if (random.Next(3) == 0)
            {
                AppendSeparator(random, text, expected, hard: false, leading: false);
            }

            return new GeneratedPost(seed, text.ToString(), words, expected);
        }

        private static (string Clean, Obfuscation[] Kinds) PickWord(Random random)
        {
            var all = Enum.GetValues<Obfuscation>();
            return random.Next(10) switch
            {
                < 4 => (PropertyWatchwords[random.Next(PropertyWatchwords.Length)], all),
                < 8 => (OrdinaryWords[random.Next(OrdinaryWords.Length)], [.. all.Where(k => k != Obfuscation.Mask)]),
                8 => (UnknownWords[random.Next(UnknownWords.Length)], [.. all.Where(k => k != Obfuscation.Mask)]),
                _ => (NumericWords[random.Next(NumericWords.Length)], [Obfuscation.Plain, Obfuscation.UpperCase, Obfuscation.FullWidth, Obfuscation.ZeroWidth]),
            };
        }

        private static void AppendSeparator(Random random, StringBuilder text, List<NormalizedToken> expected, bool hard, bool leading)
        {
            if (random.Next(6) == 0)
            {
                // Emoji, possibly repeated (one token over the run), with or without spaces around.
                var emoji = Emoji[random.Next(Emoji.Length)];
                if (!leading && random.Next(2) == 0)
                {
                    text.Append(' ');
                }

                var start = text.Length;
                var repeats = random.Next(1, 4);
                for (var r = 0; r < repeats; r++)
                {
                    text.Append(emoji);
                }

                expected.Add(new NormalizedToken(emoji, start, text.Length - start));
                if (random.Next(2) == 0)
                {
                    text.Append(' ');
                }

                return;
            }

            var separators = hard ? HardSeparators : PlainSeparators;
            text.Append(separators[random.Next(separators.Length)]);
        }

        private static string Obfuscate(Random random, string word, Obfuscation kind, Lexicon lexicon, out Obfuscation used)
        {
            used = kind;
            var written = kind switch
            {
                Obfuscation.Plain => word,
                Obfuscation.UpperCase => random.Next(2) == 0 ? word.ToUpperInvariant() : RandomCase(random, word),
                Obfuscation.Leet => LeetSpell(random, word),
                Obfuscation.SpacedLetters => string.Join(SpacedGaps[random.Next(SpacedGaps.Length)], word.ToCharArray()),
                Obfuscation.Mask => MaskSpell(random, word, lexicon),
                Obfuscation.Elongation => Elongate(random, word),
                Obfuscation.ZeroWidth => InsertInvisible(random, word),
                Obfuscation.FullWidth => string.Concat(word.Select(c => (char)(char.IsAsciiDigit(c) ? c - '0' + 0xFF10 : c - 'a' + (random.Next(2) == 0 ? 0xFF41 : 0xFF21)))),
                Obfuscation.Mathematical => MathematicalSpell(random, word),
                Obfuscation.Homoglyph => HomoglyphSpell(random, word),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };

            if (written is null)
            {
                // The word offers no place for this obfuscation (no interior leet letter, no unambiguous mask, ...).
                used = Obfuscation.Plain;
                return word;
            }

            // Upper case on top of the obfuscations that keep plain ASCII letters.
            if (kind is Obfuscation.Leet or Obfuscation.SpacedLetters or Obfuscation.Mask or Obfuscation.Elongation or Obfuscation.ZeroWidth
                && random.Next(5) == 0)
            {
                written = written.ToUpperInvariant();
            }

            return written;
        }

        private static string RandomCase(Random random, string word) =>
            string.Concat(word.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c));

        private static string? LeetSpell(Random random, string word)
        {
            var interior = Enumerable.Range(1, Math.Max(0, word.Length - 2)).Where(i => Leet.ContainsKey(word[i])).ToList();
            if (interior.Count == 0)
            {
                return null;
            }

            var chars = word.Select(c => c.ToString()).ToArray();
            var chosen = interior.Where(_ => random.Next(2) == 0).ToList();
            if (chosen.Count == 0)
            {
                chosen.Add(interior[random.Next(interior.Count)]);
            }

            foreach (var i in chosen)
            {
                var options = Leet[word[i]];
                chars[i] = options[random.Next(options.Length)];
            }

            return string.Concat(chars);
        }

        private static string? MaskSpell(Random random, string word, Lexicon lexicon)
        {
            var positions = Enumerable.Range(1, Math.Max(0, word.Length - 2))
                .Where(i => lexicon.Unmask(string.Concat(word.AsSpan(0, i), "*", word.AsSpan(i + 1))) == word)
                .ToList();
            if (positions.Count == 0)
            {
                return null;
            }

            var p = positions[random.Next(positions.Count)];
            return string.Concat(word.AsSpan(0, p), "*", word.AsSpan(p + 1));
        }

        private static string Elongate(Random random, string word)
        {
            var p = random.Next(word.Length);
            return word.Insert(p, new string(word[p], random.Next(2, 6)));
        }

        private static string InsertInvisible(Random random, string word)
        {
            var builder = new StringBuilder(word);
            var inserts = random.Next(1, 3);
            for (var n = 0; n < inserts; n++)
            {
                // Strictly inside the word, between two visible characters.
                var visible = Enumerable.Range(1, builder.Length - 1).Where(i => char.IsAsciiLetterOrDigit(builder[i - 1])).ToList();
                builder.Insert(visible[random.Next(visible.Count)], Invisible[random.Next(Invisible.Length)]);
            }

            return builder.ToString();
        }

        private static string MathematicalSpell(Random random, string word)
        {
            var alphabet = MathematicalSmallA[random.Next(MathematicalSmallA.Length)];
            return string.Concat(word.Select(c => char.ConvertFromUtf32(alphabet + (c - 'a'))));
        }

        private static string? HomoglyphSpell(Random random, string word)
        {
            var positions = Enumerable.Range(0, word.Length).Where(i => Homoglyphs.ContainsKey(word[i])).ToList();
            if (positions.Count == 0)
            {
                return null;
            }

            var chars = word.ToCharArray();
            var chosen = positions.Where(_ => random.Next(2) == 0).ToList();
            if (chosen.Count == 0)
            {
                chosen.Add(positions[random.Next(positions.Count)]);
            }

            foreach (var i in chosen)
            {
                var options = Homoglyphs[word[i]];
                chars[i] = options[random.Next(options.Length)];
            }

            return new string(chars);
        }
    }
}
