using System.Runtime.CompilerServices;
using System.Text;

namespace HoaxScreen.Core.Text;

/// <summary>
/// Turns a raw post into the tokens the model sees, keeping for every token the span of the original text it
/// came from (so explanations can highlight the characters a person actually wrote). Thread-safe.
/// <para>Rules, in order (each can be switched off in <see cref="NormalizerSettings"/>):</para>
/// <list type="number">
/// <item>Unicode: invisible and bidi characters dropped; NFKD compatibility folding (full-width, mathematical
/// alphabets), accents dropped, Cyrillic/Greek look-alikes to Latin.</item>
/// <item>URLs, bare domains and e-mail addresses → <see cref="UrlToken"/>; @mentions → <see cref="MentionToken"/>.</item>
/// <item>Hashtags → their words (#TolakHoaks → tolak hoaks); the '#' is dropped.</item>
/// <item>Emoji → a token each (a run of the same emoji is one token); other punctuation separates words.</item>
/// <item>Letters split by spaces, dots, dashes, underscores or asterisks are joined (k.a.f.i.r → kafir).</item>
/// <item>Leetspeak inside words decoded (b4b1 → babi) when the digits sit between letters or the result is a known word;
/// pure numbers stay as they are.</item>
/// <item>Masked letters resolved against the watch words (a*jing → anjing) when exactly one fits.</item>
/// <item>Elongation shortened (bangeeettt → banget, wkwkwkwk → wkwk), the lexicon choosing one or two letters.</item>
/// <item>Lower case; slang to standard Indonesian from the slang lexicon (yg → yang); reduplication with 2 (orang2 → orang orang).</item>
/// </list>
/// </summary>
public sealed class TextNormalizer
{
    public const string UrlToken = "tautan";
    public const string MentionToken = "pengguna";

    private const string LeetCharacters = "4130$57@";

    private static readonly System.Buffers.SearchValues<char> Letters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    public TextNormalizer(NormalizerSettings settings, Lexicon lexicon)
    {
        Settings = settings;
        Lexicon = lexicon;
    }

    public NormalizerSettings Settings { get; }

    public Lexicon Lexicon { get; }

    /// <summary>The default rules with no lexicons (tests and ad-hoc use); bundles load theirs with <see cref="ForBundle"/>.</summary>
    public static TextNormalizer Default { get; } = new(NormalizerSettings.Default, Lexicon.Empty);

    /// <summary>The normaliser a bundle was trained with: its settings and the lexicons stored beside the model.</summary>
    public static TextNormalizer ForBundle(string bundleDirectory, NormalizerSettings settings) =>
        new(settings, Lexicon.LoadFolder(bundleDirectory));

    /// <summary>
    /// The model text: tokens joined by single spaces, exactly <c>Analyze(raw).Text</c>. The scoring hot path: it keeps no
    /// offsets and builds no token list, and a plain word (ASCII letters, nothing to repair) goes from the folded text to
    /// the output without a string of its own.
    /// </summary>
    public string Normalize(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        var folded = raw.AsSpan().IndexOfAnyExcept(FoldsToItself) < 0 ? new FoldedText(raw, [], []) : Fold(raw, withOffsets: false);
        var scanned = t_scanned ?? [];
        var joined = t_joined ?? [];
        t_scanned = t_joined = null;
        var pieces = Scan(folded, scanned);
        if (Settings.JoinSpacedLetters)
        {
            pieces = JoinSpacedLetters(folded, pieces, joined);
        }

        var s = folded.Text;
        var output = RentBuilder(s.Length);
        var tokens = 0;

        // The emoji token last written, while no other token has followed it: a run of the same emoji is one token.
        var emojiStart = -1;
        var emojiLength = 0;
        foreach (var piece in pieces)
        {
            switch (piece.Kind)
            {
                case PieceKind.Url:
                    Append(output, ref tokens, UrlToken);
                    emojiStart = -1;
                    break;
                case PieceKind.Mention:
                    Append(output, ref tokens, MentionToken);
                    emojiStart = -1;
                    break;
                case PieceKind.Emoji:
                    var emoji = s.AsSpan(piece.Start, piece.End - piece.Start);
                    if (emojiStart < 0 || !emoji.SequenceEqual(s.AsSpan(emojiStart, emojiLength)))
                    {
                        Append(output, ref tokens, emoji);
                        emojiStart = piece.Start;
                        emojiLength = piece.End - piece.Start;
                    }

                    break;
                default:
                    var before = tokens;
                    var word = piece.Joined is null ? s.AsSpan(piece.Start, piece.End - piece.Start) : piece.Joined.AsSpan();
                    if (!TryAppendPlainWord(output, ref tokens, word))
                    {
                        foreach (var part in Repair(word.ToString().ToLowerInvariant()))
                        {
                            Append(output, ref tokens, part);
                        }
                    }

                    if (tokens != before)
                    {
                        emojiStart = -1;
                    }

                    break;
            }
        }

        if (scanned.Capacity <= 4096)
        {
            t_scanned = scanned;
            t_joined = joined;
        }

        return ReturnBuilder(output);
    }

    // Piece lists Normalize reuses on each thread (Analyze builds its own: its tokens outlive the call, the pieces do not).
    [ThreadStatic]
    private static List<Piece>? t_scanned;

    [ThreadStatic]
    private static List<Piece>? t_joined;

    /// <summary>The longest word the plain-word path takes; longer ones go through <see cref="Repair"/>.</summary>
    private const int PlainWordLimit = 64;

    /// <summary>
    /// Writes a word made only of ASCII letters that <see cref="Repair"/> would leave as it is (lower-cased, or its slang
    /// expansion): no digits, masks or symbols to decode, no run of three equal letters and no repeated two-letter unit
    /// to shorten. Returns false, writing nothing, for any other word.
    /// </summary>
    private bool TryAppendPlainWord(StringBuilder output, ref int tokens, ReadOnlySpan<char> word)
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

        if (Settings.ShortenElongation && (HasRunOfThree(lower) || IsRepeatedPair(lower)))
        {
            return false;
        }

        if (Settings.ExpandSlang && Lexicon.TryGetSlang(lower, out var expansion))
        {
            foreach (var part in expansion)
            {
                Append(output, ref tokens, part);
            }
        }
        else
        {
            Append(output, ref tokens, lower);
        }

        return true;
    }

    // What Shorten acts on, for a word of letters: a run of 3+ equal letters, or (6+ letters) one two-letter unit repeated.
    private static bool HasRunOfThree(ReadOnlySpan<char> word)
    {
        for (var i = 2; i < word.Length; i++)
        {
            if (word[i] == word[i - 1] && word[i] == word[i - 2])
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRepeatedPair(ReadOnlySpan<char> word)
    {
        if (word.Length < 6 || word[0] == word[1])
        {
            return false;
        }

        for (var i = 2; i < word.Length; i++)
        {
            if (word[i] != word[i - 2])
            {
                return false;
            }
        }

        return true;
    }

    private static void Append(StringBuilder output, ref int tokens, ReadOnlySpan<char> token)
    {
        if (tokens++ > 0)
        {
            output.Append(' ');
        }

        output.Append(token);
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLetters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>ASCII characters that <see cref="Fold"/> copies unchanged: all of them but the white space other than ' '.</summary>
    private static readonly System.Buffers.SearchValues<char> FoldsToItself = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => c == ' ' || !Rune.IsWhiteSpace(new Rune(c)))]);

    [ThreadStatic]
    private static StringBuilder? t_builder;

    private static StringBuilder RentBuilder(int capacity)
    {
        var builder = t_builder ?? new StringBuilder(Math.Max(256, capacity));
        t_builder = null;
        return builder.Clear();
    }

    private static string ReturnBuilder(StringBuilder builder)
    {
        var text = builder.ToString();
        if (builder.Capacity <= 16 * 1024)
        {
            t_builder = builder;
        }

        return text;
    }

    public NormalizedText Analyze(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return new NormalizedText(string.Empty, []);
        }

        var folded = Fold(raw, withOffsets: true);
        var pieces = Scan(folded);
        if (Settings.JoinSpacedLetters)
        {
            pieces = JoinSpacedLetters(folded, pieces);
        }

        var tokens = new List<NormalizedToken>(pieces.Count);
        var previousEmoji = -1;
        foreach (var piece in pieces)
        {
            var start = folded.Starts[piece.Start];
            var length = folded.Ends[piece.End - 1] - start;
            switch (piece.Kind)
            {
                case PieceKind.Url:
                    tokens.Add(new NormalizedToken(UrlToken, start, length));
                    break;
                case PieceKind.Mention:
                    tokens.Add(new NormalizedToken(MentionToken, start, length));
                    break;
                case PieceKind.Emoji:
                    var emoji = folded.Text.Substring(piece.Start, piece.End - piece.Start);
                    if (previousEmoji == tokens.Count - 1 && previousEmoji >= 0 && tokens[previousEmoji].Text == emoji)
                    {
                        var last = tokens[previousEmoji];
                        tokens[previousEmoji] = last with { Length = start + length - last.Start };
                    }
                    else
                    {
                        tokens.Add(new NormalizedToken(emoji, start, length));
                        previousEmoji = tokens.Count - 1;
                    }

                    break;
                default:
                    var word = piece.Joined ?? folded.Text.Substring(piece.Start, piece.End - piece.Start);
                    foreach (var part in Repair(word.ToLowerInvariant()))
                    {
                        tokens.Add(new NormalizedToken(part, start, length));
                    }

                    break;
            }
        }

        return new NormalizedText(raw, tokens);
    }

    // ---- 1. Unicode folding with an offset map ------------------------------------------------------------

    private sealed class FoldedText(string text, int[] starts, int[] ends)
    {
        public string Text { get; } = text;

        /// <summary>Original start of each folded character.</summary>
        public int[] Starts { get; } = starts;

        /// <summary>Original end (exclusive) of each folded character.</summary>
        public int[] Ends { get; } = ends;
    }

    // Without offsets (Normalize) the maps stay empty; the folded text is the same either way.
    private FoldedText Fold(string raw, bool withOffsets)
    {
        var text = new StringBuilder(raw.Length);
        var starts = new List<int>(withOffsets ? raw.Length : 0);
        var ends = new List<int>(withOffsets ? raw.Length : 0);
        for (var i = 0; i < raw.Length;)
        {
            if (Rune.DecodeFromUtf16(raw.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                consumed = 1;
            }

            void Emit(ReadOnlySpan<char> chars)
            {
                text.Append(chars);
                if (withOffsets)
                {
                    foreach (var c in chars)
                    {
                        starts.Add(i);
                        ends.Add(i + consumed);
                    }
                }
            }

            if (Rune.IsWhiteSpace(rune))
            {
                Emit(" ");
            }
            else if (rune.IsAscii)
            {
                Emit([(char)rune.Value]);
            }
            else if (!Settings.FoldUnicode)
            {
                // The rune, not the raw units: a lone surrogate has become U+FFFD.
                Emit(rune.ToString());
            }
            else if (!UnicodeFolding.IsInvisible(rune))
            {
                Emit(UnicodeFolding.IsEmoji(rune) ? raw.AsSpan(i, consumed) : UnicodeFolding.Fold(rune));
            }

            i += consumed;
        }

        return new FoldedText(text.ToString(), [.. starts], [.. ends]);
    }

    // ---- 2. Scanning into pieces ---------------------------------------------------------------------------

    private enum PieceKind
    {
        Word,
        Url,
        Mention,
        Emoji,
    }

    private readonly record struct Piece(PieceKind Kind, int Start, int End, string? Joined = null);

    // Called for most characters of a post: ASCII answers without the Unicode category table.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPieceChar(char c) => char.IsAscii(c) ? char.IsAsciiLetterOrDigit(c) || c is '@' or '$' or '*' : char.IsLetterOrDigit(c);

    private List<Piece> Scan(FoldedText folded, List<Piece>? into = null)
    {
        var s = folded.Text;
        var pieces = into ?? [];
        pieces.Clear();
        var chunkStart = 0;
        while (chunkStart < s.Length)
        {
            if (s[chunkStart] == ' ')
            {
                chunkStart++;
                continue;
            }

            var chunkEnd = s.IndexOf(' ', chunkStart);
            if (chunkEnd < 0)
            {
                chunkEnd = s.Length;
            }

            if (Settings.ReplaceUrls && UrlSpan(s, chunkStart, chunkEnd) is { } urlEnd)
            {
                pieces.Add(new Piece(PieceKind.Url, chunkStart, urlEnd));
                ScanWords(s, urlEnd, chunkEnd, pieces);
            }
            else
            {
                ScanWords(s, chunkStart, chunkEnd, pieces);
            }

            chunkStart = chunkEnd;
        }

        return pieces;
    }

    private void ScanWords(string s, int from, int to, List<Piece> pieces)
    {
        var pos = from;
        while (pos < to)
        {
            var c = s[pos];
            if (c == '@' && Settings.ReplaceMentions && pos + 1 < to && (char.IsAsciiLetterOrDigit(s[pos + 1]) || s[pos + 1] == '_')
                && (pos == from || !IsPieceChar(s[pos - 1])))
            {
                var end = pos + 1;
                while (end < to && (char.IsAsciiLetterOrDigit(s[end]) || s[end] == '_'))
                {
                    end++;
                }

                // "@njing" is a disguised word, not a mention.
                if (!(Settings.DecodeLeetspeak && Lexicon.IsWatchword(DecodeLeet(s[pos..end].ToLowerInvariant()))))
                {
                    pieces.Add(new Piece(PieceKind.Mention, pos, end));
                    pos = end;
                    continue;
                }
            }

            if (c == '#' && pos + 1 < to && char.IsLetterOrDigit(s[pos + 1]))
            {
                var end = pos + 1;
                while (end < to && (char.IsLetterOrDigit(s[end]) || s[end] == '_'))
                {
                    end++;
                }

                AddHashtag(s, pos + 1, end, pieces);
                pos = end;
                continue;
            }

            if (char.IsSurrogate(c) || c >= 0x2190)
            {
                if (Rune.DecodeFromUtf16(s.AsSpan(pos, to - pos), out var rune, out var consumed) == System.Buffers.OperationStatus.Done
                    && UnicodeFolding.IsEmoji(rune))
                {
                    if (Settings.KeepEmoji)
                    {
                        pieces.Add(new Piece(PieceKind.Emoji, pos, pos + consumed));
                    }

                    pos += consumed;
                    continue;
                }
            }

            if (IsPieceChar(c))
            {
                var end = pos;
                while (end < to && IsPieceChar(s[end]))
                {
                    end++;
                }

                // Trim mask characters that only decorate the word ("**anjing**").
                var start = pos;
                while (start < end && s[start] == '*')
                {
                    start++;
                }

                var stop = end;
                while (stop > start && s[stop - 1] == '*')
                {
                    stop--;
                }

                if (stop > start)
                {
                    pieces.Add(new Piece(PieceKind.Word, start, stop));
                }

                pos = end;
                continue;
            }

            pos++;
        }
    }

    private static int? UrlSpan(string s, int start, int end)
    {
        var chunk = s.AsSpan(start, end - start);
        // Every form below but "URL" has a '.' or a ':' in it; most words have neither, and go no further.
        var looksLikeUrl = chunk.IndexOfAny('.', ':') < 0
            ? chunk.Equals("URL", StringComparison.Ordinal)
            : chunk.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
              || chunk.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
              || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
              || IsDomainOrEmail(chunk);
        if (!looksLikeUrl)
        {
            return null;
        }

        // Leave trailing sentence punctuation out of the link's span.
        var stop = end;
        while (stop > start + 1 && s[stop - 1] is '.' or ',' or '!' or '?' or ')' or ']' or '"' or '\'' or ':' or ';')
        {
            stop--;
        }

        return stop;
    }

    private static readonly string[] Domains = [".com", ".id", ".net", ".org", ".ly", ".co", ".me", ".io", ".gl", ".info", ".xyz", ".site"];

    private static bool IsDomainOrEmail(ReadOnlySpan<char> chunk)
    {
        var trimmed = chunk.TrimEnd(".,!?)]\"':;");
        var slash = trimmed.IndexOf('/');
        var host = slash >= 0 ? trimmed[..slash] : trimmed;
        var dot = host.LastIndexOf('.');
        if (dot <= 0 || dot == host.Length - 1)
        {
            return false;
        }

        foreach (var domain in Domains)
        {
            if (host.EndsWith(domain, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var c in host)
                {
                    if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '@' or '_'))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    private void AddHashtag(string s, int start, int end, List<Piece> pieces)
    {
        if (!Settings.SplitHashtags)
        {
            pieces.Add(new Piece(PieceKind.Word, start, end));
            return;
        }

        var parts = new List<(int Start, int End)>();
        var partStart = start;
        for (var i = start + 1; i <= end; i++)
        {
            var boundary = i == end || s[i] == '_'
                || (char.IsLower(s[i - 1]) && char.IsUpper(s[i]))
                || (char.IsLetter(s[i - 1]) != char.IsLetter(s[i]) && s[i - 1] != '_')
                || (i + 1 < end && char.IsUpper(s[i - 1]) && char.IsUpper(s[i]) && char.IsLower(s[i + 1]));
            if (boundary)
            {
                if (i > partStart && s[partStart] != '_')
                {
                    parts.Add((partStart, i));
                }

                partStart = i < end && s[i] == '_' ? i + 1 : i;
            }
        }

        foreach (var (partFrom, partTo) in parts)
        {
            var segments = partTo - partFrom >= 6 && !Lexicon.IsKnown(s.AsSpan(partFrom, partTo - partFrom).ToString().ToLowerInvariant())
                ? Segment(s.Substring(partFrom, partTo - partFrom).ToLowerInvariant())
                : null;
            if (segments is null)
            {
                pieces.Add(new Piece(PieceKind.Word, partFrom, partTo));
                continue;
            }

            var offset = partFrom;
            foreach (var length in segments)
            {
                pieces.Add(new Piece(PieceKind.Word, offset, offset + length));
                offset += length;
            }
        }
    }

    /// <summary>Splits an all-one-case hashtag into known words (fewest words wins), or null when it cannot.</summary>
    private int[]? Segment(string word)
    {
        if (word.Length > 40 || !word.All(char.IsLetter))
        {
            return null;
        }

        var best = new int[word.Length + 1];
        var from = new int[word.Length + 1];
        Array.Fill(best, int.MaxValue);
        best[0] = 0;
        for (var end = 1; end <= word.Length; end++)
        {
            for (var start = Math.Max(0, end - 15); start <= end - 2; start++)
            {
                if (best[start] != int.MaxValue && best[start] + 1 < best[end] && Lexicon.IsKnown(word.AsSpan(start, end - start)))
                {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }

        if (best[word.Length] == int.MaxValue || best[word.Length] < 2)
        {
            return null;
        }

        var lengths = new List<int>();
        for (var end = word.Length; end > 0; end = from[end])
        {
            lengths.Add(end - from[end]);
        }

        lengths.Reverse();
        return [.. lengths];
    }

    // ---- 3. Letters split by separators --------------------------------------------------------------------

    private List<Piece> JoinSpacedLetters(FoldedText folded, List<Piece> pieces, List<Piece>? into = null)
    {
        var s = folded.Text;
        var result = into ?? new List<Piece>(pieces.Count);
        result.Clear();
        for (var i = 0; i < pieces.Count;)
        {
            var run = i;
            bool? punctuated = null;
            while (run < pieces.Count && IsSingleLetter(s, pieces[run])
                && (run == i || IsLetterGap(s, pieces[run - 1].End, pieces[run].Start, ref punctuated)))
            {
                run++;
            }

            if (run - i >= 3)
            {
                var letters = string.Concat(pieces.Skip(i).Take(run - i).Select(p => s[p.Start]));
                // "c e b o n g b o d o h": two spelled-out words in a row split where the lexicon says.
                var segments = Lexicon.IsKnown(letters.ToLowerInvariant()) ? null : Segment(letters.ToLowerInvariant());
                if (segments is null)
                {
                    result.Add(new Piece(PieceKind.Word, pieces[i].Start, pieces[run - 1].End, letters));
                }
                else
                {
                    var offset = 0;
                    foreach (var length in segments)
                    {
                        result.Add(new Piece(PieceKind.Word, pieces[i + offset].Start, pieces[i + offset + length - 1].End, letters.Substring(offset, length)));
                        offset += length;
                    }
                }

                i = run;
            }
            else
            {
                result.Add(pieces[i]);
                i++;
            }
        }

        return result;
    }

    private static bool IsSingleLetter(string s, Piece piece) =>
        piece.Kind == PieceKind.Word && piece.Joined is null && piece.End - piece.Start == 1 && char.IsLetter(s[piece.Start]);

    // A run keeps one kind of gap: "k.a.f.i.r b.a.b.i" is two words, not "kafirbabi" (the space between them differs
    // from the dots inside them). Runs spaced only by blanks ("k a f i r b a b i") stay ambiguous and are joined.
    private static bool IsLetterGap(string s, int from, int to, ref bool? punctuated)
    {
        if (to - from is < 1 or > 3)
        {
            return false;
        }

        var hasPunctuation = false;
        for (var i = from; i < to; i++)
        {
            if (s[i] is not (' ' or '.' or '-' or '_' or '*' or '·'))
            {
                return false;
            }

            hasPunctuation |= s[i] != ' ';
        }

        punctuated ??= hasPunctuation;
        return punctuated == hasPunctuation;
    }

    // ---- 4. Word repair ------------------------------------------------------------------------------------

    private IEnumerable<string> Repair(string word)
    {
        if (Settings.ExpandSlang && Lexicon.TryGetSlang(word, out var expansion))
        {
            return expansion;
        }

        // Reduplication written with a 2: orang2 → orang orang, kemana2 → kemana kemana.
        if (Settings.ExpandSlang && word.Length >= 3 && word[^1] == '2' && word.AsSpan(0, word.Length - 1).IndexOfAnyExcept(Letters) < 0)
        {
            var stem = Repair(word[..^1]).ToArray();
            return [.. stem, .. stem];
        }

        var repaired = word;
        if (repaired.Contains('*'))
        {
            repaired = Settings.JoinSpacedLetters && IsStarSpaced(repaired) ? repaired.Replace("*", string.Empty, StringComparison.Ordinal) : repaired;
        }

        if (Settings.DecodeLeetspeak && repaired.AsSpan().IndexOfAny(LeetCharacters) >= 0 && repaired.Any(char.IsLetter))
        {
            var decoded = DecodeLeet(repaired);
            var letters = decoded.Replace("*", string.Empty, StringComparison.Ordinal);
            if (letters.All(char.IsLetter) && (LeetIsInterior(repaired) || Lexicon.IsKnown(letters) || decoded.Contains('*')
                || Lexicon.IsKnown(Shorten(letters))))
            {
                repaired = decoded;
            }
        }

        // Stars are only dropped by the rule that owns them: k*a*f*i*r by JoinSpacedLetters, a*jing by UnmaskWords.
        if (repaired.Contains('*'))
        {
            if (IsStarSpaced(repaired))
            {
                repaired = Settings.JoinSpacedLetters ? repaired.Replace("*", string.Empty, StringComparison.Ordinal) : repaired;
            }
            else if (Settings.UnmaskWords)
            {
                repaired = Lexicon.Unmask(repaired) ?? repaired.Replace("*", string.Empty, StringComparison.Ordinal);
            }
        }

        // '@' and '$' left over (not decoded as letters) are punctuation; a lone "@" or "$$$" yields no token.
        if (repaired.AsSpan().IndexOfAny("@$") >= 0)
        {
            repaired = new string([.. repaired.Where(char.IsLetterOrDigit)]);
        }

        if (Settings.ShortenElongation)
        {
            repaired = Shorten(repaired);
        }

        if (repaired.Length == 0)
        {
            return [];
        }

        if (!ReferenceEquals(repaired, word) && Settings.ExpandSlang && Lexicon.TryGetSlang(repaired, out var repairedExpansion))
        {
            return repairedExpansion;
        }

        return [repaired];
    }

    private static bool IsStarSpaced(string word)
    {
        // k*a*f*i*r: letters at even positions, stars at odd ones.
        if (word.Length < 5 || word.Length % 2 == 0)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            if (i % 2 == 0 ? !char.IsLetter(word[i]) : word[i] != '*')
            {
                return false;
            }
        }

        return true;
    }

    private static string DecodeLeet(string word)
    {
        var chars = word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '4' or '@' => 'a',
                '1' => 'i',
                '3' => 'e',
                '0' => 'o',
                '5' or '$' => 's',
                '7' => 't',
                var c => c,
            };
        }

        return new string(chars);
    }

    // Digits between letters (g0bl0k, b4bi) are almost never numbers.
    private static bool LeetIsInterior(string word)
    {
        var first = word.AsSpan().IndexOfAny(LeetCharacters);
        var last = word.AsSpan().LastIndexOfAny(LeetCharacters);
        return first > 0 && last < word.Length - 1;
    }

    private string Shorten(string word)
    {
        if (word.Length < 3)
        {
            return word;
        }

        // wkwkwk, hahaha, hehehe: a two-letter unit repeated → two repeats.
        if (word.Length >= 6 && word[0] != word[1] && char.IsLetter(word[0]) && char.IsLetter(word[1]))
        {
            var periodic = true;
            for (var i = 2; i < word.Length && periodic; i++)
            {
                periodic = word[i] == word[i - 2];
            }

            if (periodic)
            {
                return word[..4];
            }
        }

        var runs = new List<(int Start, int Length)>();
        for (var i = 0; i < word.Length;)
        {
            var j = i + 1;
            while (j < word.Length && word[j] == word[i])
            {
                j++;
            }

            if (j - i >= 3 && char.IsLetter(word[i]))
            {
                runs.Add((i, j - i));
            }

            i = j;
        }

        if (runs.Count == 0)
        {
            return word;
        }

        // Try one or two letters per run; the lexicon picks, otherwise one letter each.
        var combinations = runs.Count <= 4 ? 1 << runs.Count : 1;
        for (var mask = 0; mask < combinations; mask++)
        {
            var candidate = Collapse(word, runs, mask);
            if (Lexicon.IsKnown(candidate))
            {
                return candidate;
            }
        }

        return Collapse(word, runs, 0);
    }

    private static string Collapse(string word, List<(int Start, int Length)> runs, int twoLetterMask)
    {
        var builder = new StringBuilder(word.Length);
        var position = 0;
        for (var r = 0; r < runs.Count; r++)
        {
            var (start, length) = runs[r];
            builder.Append(word, position, start - position);
            builder.Append(word[start], (twoLetterMask & (1 << r)) != 0 ? 2 : 1);
            position = start + length;
        }

        builder.Append(word, position, word.Length - position);
        return builder.ToString();
    }
}
