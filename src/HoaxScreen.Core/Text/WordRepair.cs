using System.Buffers;

namespace HoaxScreen.Core.Text;

/// <summary>
/// Stage 4 of <see cref="TextNormalizer"/>: one lower-cased word piece to its tokens. In order: slang (yg → yang),
/// reduplication with 2 (orang2 → orang orang), star-spaced letters (k*a*f*i*r), leetspeak (<see cref="Leetspeak"/>),
/// masks (a*jing → anjing, <see cref="Lexicon.Unmask"/>), leftover '@' and '$' dropped, elongation
/// (<see cref="Elongation"/>), and slang again for what the repairs produced.
/// </summary>
internal static class WordRepair
{
    /// <summary>The longest word <see cref="TryWritePlain"/> takes; longer ones go through <see cref="Repair"/>.</summary>
    private const int PlainWordLimit = 64;

    private static readonly SearchValues<char> LowerLetters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<char> AsciiLetters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static IEnumerable<string> Repair(string word, NormalizerSettings settings, Lexicon lexicon)
    {
        if (settings.ExpandSlang && lexicon.TryGetSlang(word, out var expansion))
        {
            return expansion;
        }

        // Reduplication written with a 2: orang2 → orang orang, kemana2 → kemana kemana.
        if (settings.ExpandSlang && word.Length >= 3 && word[^1] == '2' && word.AsSpan(0, word.Length - 1).IndexOfAnyExcept(LowerLetters) < 0)
        {
            var stem = Repair(word[..^1], settings, lexicon).ToArray();
            return [.. stem, .. stem];
        }

        var repaired = word;
        if (repaired.Contains('*'))
        {
            repaired = settings.JoinSpacedLetters && SpacedLetters.IsStarSpaced(repaired) ? repaired.Replace("*", string.Empty, StringComparison.Ordinal) : repaired;
        }

        if (settings.DecodeLeetspeak && repaired.AsSpan().IndexOfAny(Leetspeak.Characters) >= 0 && repaired.Any(char.IsLetter))
        {
            var decoded = Leetspeak.Decode(repaired);
            var letters = decoded.Replace("*", string.Empty, StringComparison.Ordinal);
            if (letters.All(char.IsLetter) && (Leetspeak.IsInterior(repaired) || lexicon.IsKnown(letters) || decoded.Contains('*')
                || lexicon.IsKnown(Elongation.Shorten(letters, lexicon))))
            {
                repaired = decoded;
            }
        }

        // Stars are only dropped by the rule that owns them: k*a*f*i*r by JoinSpacedLetters, a*jing by UnmaskWords.
        if (repaired.Contains('*'))
        {
            if (SpacedLetters.IsStarSpaced(repaired))
            {
                repaired = settings.JoinSpacedLetters ? repaired.Replace("*", string.Empty, StringComparison.Ordinal) : repaired;
            }
            else if (settings.UnmaskWords)
            {
                repaired = lexicon.Unmask(repaired) ?? repaired.Replace("*", string.Empty, StringComparison.Ordinal);
            }
        }

        // '@' and '$' left over (not decoded as letters) are punctuation; a lone "@" or "$$$" yields no token.
        if (repaired.AsSpan().IndexOfAny("@$") >= 0)
        {
            repaired = new string([.. repaired.Where(char.IsLetterOrDigit)]);
        }

        if (settings.ShortenElongation)
        {
            repaired = Elongation.Shorten(repaired, lexicon);
        }

        if (repaired.Length == 0)
        {
            return [];
        }

        if (!ReferenceEquals(repaired, word) && settings.ExpandSlang && lexicon.TryGetSlang(repaired, out var repairedExpansion))
        {
            return repairedExpansion;
        }

        return [repaired];
    }

    /// <summary>
    /// Writes a word made only of ASCII letters that <see cref="Repair"/> would leave as it is (lower-cased, or its slang
    /// expansion) without a string of its own: no digits, masks or symbols to decode and nothing to shorten. Returns false,
    /// writing nothing, for any other word. The scoring hot path: most words of a post take it.
    /// </summary>
    public static bool TryWritePlain<TSink>(ReadOnlySpan<char> word, in Piece piece, NormalizerSettings settings, Lexicon lexicon, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        if (word.Length > PlainWordLimit || word.IndexOfAnyExcept(AsciiLetters) >= 0)
        {
            return false;
        }

        Span<char> lower = stackalloc char[PlainWordLimit];
        lower = lower[..word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            lower[i] = (char)(word[i] | 0x20);
        }

        if (settings.ShortenElongation && Elongation.IsElongated(lower))
        {
            return false;
        }

        if (settings.ExpandSlang && lexicon.TryGetSlang(lower, out var expansion))
        {
            foreach (var part in expansion)
            {
                sink.Add(part, piece);
            }
        }
        else
        {
            sink.Add(lower, piece);
        }

        return true;
    }
}
