using System.Text;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Text;

namespace HoaxScreen.Bench;

/// <summary>The ways a word is disguised to slip past filters.</summary>
public enum Disguise
{
    /// <summary>Interior a→4, i→1, e→3, o→0, s→5, t→7 (kafir → k4f1r).</summary>
    Leet,

    /// <summary>Letters split by one of space, dot or dash (kafir → k a f i r, k.a.f.i.r, k-a-f-i-r).</summary>
    SpacedLetters,

    /// <summary>One interior letter masked (anjing → an*ing).</summary>
    Mask,

    /// <summary>The last vowel repeated to 3-5 copies (banget → bangeeet).</summary>
    Elongation,

    /// <summary>A zero-width space (U+200B) inside the word.</summary>
    ZeroWidthSpace,

    /// <summary>Every letter in its full-width form (kafir → ｋａｆｉｒ).</summary>
    FullWidth,

    /// <summary>Every a/e/o/p/c replaced by its Cyrillic look-alike (а е о р с).</summary>
    Cyrillic,

    /// <summary>The word upper-cased (kafir → KAFIR).</summary>
    UpperCase,
}

/// <summary>One obfuscated post and how many of its words were disguised.</summary>
public readonly record struct ObfuscatedPost(string Text, int WordsDisguised, int WatchwordsDisguised);

/// <summary>
/// Disguises the words of a post the way people dodge keyword filters. A word (a run of ASCII letters) is
/// disguised when it is a watch word of the lexicon, or, with probability <see cref="OtherWordProbability"/>,
/// when it is any other word of at least <see cref="MinimumOtherWordLength"/> letters; each disguised word gets
/// one <see cref="Disguise"/> drawn uniformly from those that change it (or only <c>only</c>, when given).
/// Deterministic: the random choices depend only on the seed and the post's text, so the same post is disguised
/// the same way in every run and for every model, whatever the order of the posts.
/// </summary>
public sealed class Obfuscator(Lexicon lexicon, int seed, Disguise? only = null)
{
    public const double OtherWordProbability = 0.3;
    public const int MinimumOtherWordLength = 4;

    private const char ZeroWidthSpace = '\u200B';
    private const string Vowels = "aiueoAIUEO";

    // Placeholders some datasets put in place of user names and links; not words anyone typed.
    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal) { "USER", "URL", "RT" };

    private static readonly Disguise[] AllDisguises = Enum.GetValues<Disguise>();

    public Disguise? Only { get; } = only;

    public ObfuscatedPost Obfuscate(string text)
    {
        var postHash = Fnv1a.Hash32(text);
        // Two streams, so that which words are picked does not depend on how they are disguised.
        var pick = new Random(Mix(postHash, seed, 0x5EED));
        var disguise = new Random(Mix(postHash, seed, 0xD15C));
        var output = new StringBuilder(text.Length + 16);
        var words = 0;
        var watchwords = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                output.Append(text[i++]);
                continue;
            }

            var end = i;
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }

            var word = text[i..end];
            if (!IsPlainWord(word) || InsideLinkOrHandle(text, i))
            {
                output.Append(word);
                i = end;
                continue;
            }

            var isWatchword = lexicon.IsWatchword(word.ToLowerInvariant());
            var chosen = isWatchword || (word.Length >= MinimumOtherWordLength && pick.NextDouble() < OtherWordProbability);
            var disguised = chosen ? Apply(word, disguise) : null;
            if (disguised is null)
            {
                output.Append(word);
            }
            else
            {
                output.Append(disguised);
                words++;
                watchwords += isWatchword ? 1 : 0;
            }

            i = end;
        }

        return new ObfuscatedPost(output.ToString(), words, watchwords);
    }

    /// <summary>The disguised word, or null when no allowed disguise changes it.</summary>
    private string? Apply(string word, Random random)
    {
        Span<bool> applicable = stackalloc bool[AllDisguises.Length];
        var count = 0;
        foreach (var kind in AllDisguises)
        {
            applicable[(int)kind] = (Only is null || Only == kind) && Changes(kind, word);
            count += applicable[(int)kind] ? 1 : 0;
        }

        // Always draw, so the stream advances the same way whatever is allowed.
        var draw = random.Next(AllDisguises.Length * 64);
        if (count == 0)
        {
            return null;
        }

        var index = draw % count;
        foreach (var kind in AllDisguises)
        {
            if (applicable[(int)kind] && index-- == 0)
            {
                return Transform(kind, word, random);
            }
        }

        return null;
    }

    private static bool Changes(Disguise kind, string word) => kind switch
    {
        Disguise.Leet => word.Length >= 3 && word.AsSpan(1, word.Length - 2).ContainsAny("aieostAIEOST"),
        Disguise.SpacedLetters or Disguise.ZeroWidthSpace => word.Length >= 2,
        Disguise.Mask => word.Length >= 3,
        Disguise.Elongation => word.AsSpan().ContainsAny(Vowels),
        Disguise.FullWidth => true,
        Disguise.Cyrillic => word.AsSpan().ContainsAny("aeopcAEOPC"),
        Disguise.UpperCase => word.Any(char.IsLower),
        _ => false,
    };

    private static string Transform(Disguise kind, string word, Random random)
    {
        switch (kind)
        {
            case Disguise.Leet:
            {
                var chars = word.ToCharArray();
                for (var i = 1; i < chars.Length - 1; i++)
                {
                    chars[i] = char.ToLowerInvariant(chars[i]) switch
                    {
                        'a' => '4',
                        'i' => '1',
                        'e' => '3',
                        'o' => '0',
                        's' => '5',
                        't' => '7',
                        _ => chars[i],
                    };
                }

                return new string(chars);
            }

            case Disguise.SpacedLetters:
            {
                var separator = " .-"[random.Next(3)];
                return string.Join(separator, word.ToCharArray());
            }

            case Disguise.Mask:
            {
                var at = random.Next(1, word.Length - 1);
                return string.Concat(word.AsSpan(0, at), "*", word.AsSpan(at + 1));
            }

            case Disguise.Elongation:
            {
                var at = word.AsSpan().LastIndexOfAny(Vowels);
                var copies = random.Next(3, 6);
                return string.Concat(word.AsSpan(0, at), new string(word[at], copies), word.AsSpan(at + 1));
            }

            case Disguise.ZeroWidthSpace:
            {
                var at = random.Next(1, word.Length);
                return string.Concat(word.AsSpan(0, at), ZeroWidthSpace.ToString(), word.AsSpan(at));
            }

            case Disguise.FullWidth:
                return string.Create(word.Length, word, static (span, w) =>
                {
                    for (var i = 0; i < w.Length; i++)
                    {
                        span[i] = char.IsAsciiLetterUpper(w[i]) ? (char)(0xFF21 + (w[i] - 'A')) : (char)(0xFF41 + (w[i] - 'a'));
                    }
                });

            case Disguise.Cyrillic:
                return string.Create(word.Length, word, static (span, w) =>
                {
                    for (var i = 0; i < w.Length; i++)
                    {
                        span[i] = w[i] switch
                        {
                            'a' => '\u0430',
                            'e' => '\u0435',
                            'o' => '\u043E',
                            'p' => '\u0440',
                            'c' => '\u0441',
                            'A' => '\u0410',
                            'E' => '\u0415',
                            'O' => '\u041E',
                            'P' => '\u0420',
                            'C' => '\u0421',
                            var c => c,
                        };
                    }
                });

            case Disguise.UpperCase:
                return word.ToUpperInvariant();

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static bool IsPlainWord(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return !Placeholders.Contains(word);
    }

    /// <summary>True inside a link (a chunk with "://" or starting "www.") or after '@' or '#' (handles, hashtags, e-mail).</summary>
    private static bool InsideLinkOrHandle(string text, int start)
    {
        var chunkStart = start;
        while (chunkStart > 0 && !char.IsWhiteSpace(text[chunkStart - 1]))
        {
            chunkStart--;
        }

        var chunkEnd = start;
        while (chunkEnd < text.Length && !char.IsWhiteSpace(text[chunkEnd]))
        {
            chunkEnd++;
        }

        var chunk = text.AsSpan(chunkStart, chunkEnd - chunkStart);
        return chunk.Contains("://", StringComparison.Ordinal)
            || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || text.AsSpan(chunkStart, start - chunkStart).ContainsAny('@', '#');
    }

    private static int Mix(uint postHash, int seed, int stream)
    {
        unchecked
        {
            var h = postHash ^ ((uint)seed * 0x9E3779B9u) ^ ((uint)stream * 0x85EBCA6Bu);
            h ^= h >> 16;
            h *= 0x7FEB352Du;
            h ^= h >> 15;
            h *= 0x846CA68Bu;
            h ^= h >> 16;
            return (int)(h & 0x7FFFFFFF);
        }
    }
}
