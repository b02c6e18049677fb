using HoaxScreen.Core.Text;

namespace HoaxScreen.Core.TermLists;

/// <summary>
/// Finds the terms of a deployment's lists in posts. Terms and posts go through the same <see cref="TextNormalizer"/>,
/// so a term matches however it is disguised in the post ("k a f i r", "c3b0ng", full-width letters), and a masked word
/// ("an*ing", "KA*IR") matches every listed word that fits its mask; each match is reported at the characters of the
/// original post it came from. A term
/// matches whole words: "kafir" does not match inside "kafirun". Immutable and thread-safe; a change of lists is a new
/// instance.
/// </summary>
public sealed class TermListMatcher
{
    // First word of a normalised term → every term that starts with it (its words, list and spelling as given).
    private readonly Dictionary<string, Entry[]> _byFirstWord;
    private readonly Dictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Listed first words by length, for masked post words the normaliser could not restore on its own.
    private readonly Dictionary<int, string[]> _firstWordsByLength;

    public TermListMatcher(IReadOnlyList<TermList> lists, TextNormalizer normalizer)
    {
        Normalizer = normalizer;
        Lists = lists;
        var entries = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            foreach (var term in list.Terms)
            {
                var words = WordsOf(normalizer.Normalize(term));
                if (words.Length == 0)
                {
                    continue;
                }

                if (!entries.TryGetValue(words[0], out var sameStart))
                {
                    entries[words[0]] = sameStart = [];
                }

                sameStart.Add(new Entry(words, list.Name, term, list.Flag));
            }
        }

        // Longest terms first, so "jangan pilih" is reported before "jangan" where both are listed.
        _byFirstWord = entries.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(e => e.Words.Length).ToArray(), StringComparer.Ordinal);
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWordsByLength = _byFirstWord.Keys.GroupBy(w => w.Length).ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray());
        TermCount = entries.Values.Sum(e => e.Count);
    }

    public TextNormalizer Normalizer { get; }

    /// <summary>
    /// A matcher whose normaliser is <paramref name="bundleNormalizer"/> with the lists' words added to its watchwords
    /// and vocabulary, so masked and run-together spellings resolve towards the listed terms ("k*f*r" → kafir,
    /// "#HendraWijaya" → hendra wijaya) as they do towards the bundle's own watchwords.
    /// </summary>
    public static TermListMatcher ForLists(IReadOnlyList<TermList> lists, TextNormalizer bundleNormalizer)
    {
        var words = lists.SelectMany(l => l.Terms).SelectMany(t => WordsOf(bundleNormalizer.Normalize(t)))
            .Where(w => w.Length >= 3 && w.All(char.IsLetter))
            .ToHashSet(StringComparer.Ordinal);
        var lexicon = bundleNormalizer.Lexicon;
        var extended = new Lexicon(
            lexicon.Slang.Select(p => KeyValuePair.Create(p.Key, string.Join(' ', p.Value))),
            lexicon.Watchwords.Concat(words.Where(w => !lexicon.IsWatchword(w))),
            lexicon.Vocabulary.Concat(words.Where(w => !lexicon.IsKnown(w))));
        return new TermListMatcher(lists, new TextNormalizer(bundleNormalizer.Settings, extended));
    }

    public IReadOnlyList<TermList> Lists { get; }

    /// <summary>How many terms are matched against (terms that normalise to nothing are left out).</summary>
    public int TermCount { get; }

    /// <summary>The words a term normalises to; empty when it normalises to nothing (a term of punctuation alone).</summary>
    public static string[] WordsOf(string normalized) => normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Every listed term in <paramref name="post"/>, in order of position (each list's term once per place).</summary>
    public IReadOnlyList<TermMatch> Match(string post) => Match(Normalizer.Analyze(post));

    /// <summary><see cref="Match(string)"/> for a post already analysed by <see cref="Normalizer"/>.</summary>
    public IReadOnlyList<TermMatch> Match(NormalizedText post)
    {
        if (_byFirstWord.Count == 0 || post.Tokens.Count == 0)
        {
            return [];
        }

        var words = PostWords.Of(post);
        List<TermMatch>? matches = null;
        for (var w = 0; w < words.Count; w++)
        {
            if (_lookup.TryGetValue(words.Text(w), out var candidates))
            {
                AddMatches(words, w, candidates, ref matches);
            }

            if (words.Mask(w) is { } mask && _firstWordsByLength.TryGetValue(mask.Length, out var sameLength))
            {
                // "an*ing": the normaliser restores a mask only when one known word fits, and then perhaps not the listed
                // one; every listed word that fits is a reading worth showing a moderator.
                foreach (var firstWord in sameLength)
                {
                    if (MaskedWord.Fits(mask, firstWord) && !words.Text(w).SequenceEqual(firstWord))
                    {
                        AddMatches(words, w, _byFirstWord[firstWord], ref matches);
                    }
                }
            }
        }

        return matches ?? (IReadOnlyList<TermMatch>)[];
    }

    private static void AddMatches(PostWords words, int w, Entry[] candidates, ref List<TermMatch>? matches)
    {
        foreach (var entry in candidates)
        {
            if (entry.Words.Length > words.Count - w || !words.StartsWith(w, entry.Words))
            {
                continue;
            }

            var start = words.Start(w);
            var end = words.End(w + entry.Words.Length - 1);
            matches ??= [];
            if (!matches.Any(m => m.List == entry.List && m.Start == start && m.Length == end - start))
            {
                matches.Add(new TermMatch(entry.List, entry.Term, start, end - start, entry.Flag));
            }
        }
    }

    private sealed record Entry(string[] Words, string List, string Term, bool Flag);

    /// <summary>The words of an analysed post (a token may hold several, e.g. gpp → tidak apa apa), each with its token's original span.</summary>
    private readonly struct PostWords
    {
        private readonly string _text;
        private readonly string _original;
        private readonly List<(int From, int To, int Start, int End)> _words;

        // Words of one token each, so a token's original span is that word's own spelling.
        private readonly HashSet<int>? _singleWordTokens;

        private PostWords(string text, string original, List<(int From, int To, int Start, int End)> words, HashSet<int>? singleWordTokens)
        {
            _text = text;
            _original = original;
            _words = words;
            _singleWordTokens = singleWordTokens;
        }

        public int Count => _words.Count;

        public static PostWords Of(NormalizedText post)
        {
            var text = post.Text;
            var words = new List<(int, int, int, int)>(post.Tokens.Count + 4);
            var at = 0;
            HashSet<int>? singleWordTokens = null;
            foreach (var token in post.Tokens)
            {
                // Text is the tokens joined by single spaces, so each token's words are found at the running offset.
                var tokenText = token.Text;
                if (tokenText.Length > 0 && !tokenText.Contains(' ') && post.Original.AsSpan(token.Start, token.Length).Contains('*'))
                {
                    (singleWordTokens ??= []).Add(words.Count);
                }

                var from = 0;
                for (var i = 0; i <= tokenText.Length; i++)
                {
                    if (i == tokenText.Length || tokenText[i] == ' ')
                    {
                        if (i > from)
                        {
                            words.Add((at + from, at + i, token.Start, token.End));
                        }

                        from = i + 1;
                    }
                }

                at += tokenText.Length + 1;
            }

            return new PostWords(text, post.Original, words, singleWordTokens);
        }

        /// <summary>The word's original spelling as a mask ("an*ing") when it was written with masked letters, else null.</summary>
        public string? Mask(int word) =>
            _singleWordTokens is not null && _singleWordTokens.Contains(word)
                ? MaskedWord.Pattern(_original.AsSpan(_words[word].Start, _words[word].End - _words[word].Start))
                : null;

        public ReadOnlySpan<char> Text(int word) => _text.AsSpan(_words[word].From, _words[word].To - _words[word].From);

        public int Start(int word) => _words[word].Start;

        public int End(int word) => _words[word].End;

        public bool StartsWith(int word, string[] termWords)
        {
            for (var k = 0; k < termWords.Length; k++)
            {
                if (!Text(word + k).SequenceEqual(termWords[k]) && !(Mask(word + k) is { } mask && MaskedWord.Fits(mask, termWords[k])))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
