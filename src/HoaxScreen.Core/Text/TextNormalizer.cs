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
/// <para>The stages, each in its own file: <see cref="FoldedText"/> (Unicode), <see cref="PieceScanner"/> (links,
/// mentions, hashtags, emoji, words), <see cref="SpacedLetters"/>, <see cref="WordRepair"/> (leetspeak, masks,
/// elongation, slang); <see cref="Normalize"/> and <see cref="Analyze"/> run them through one token loop.</para>
/// </summary>
public sealed class TextNormalizer
{
    public const string UrlToken = "tautan";
    public const string MentionToken = "pengguna";

    // Piece lists reused on each thread: the pieces never outlive a call (the tokens do, and are not pooled).
    [ThreadStatic]
    private static List<Piece>? t_scanned;

    [ThreadStatic]
    private static List<Piece>? t_joined;

    public TextNormalizer(NormalizerSettings settings, Lexicon lexicon)
    {
        Settings = settings;
        Lexicon = lexicon;
    }

    public NormalizerSettings Settings { get; }

    public Lexicon Lexicon { get; }

    /// <summary>The default rules with no lexicons (tests and ad-hoc use); bundles load theirs with <see cref="ForBundle"/>.</summary>
    public static TextNormalizer Default { get; } = new(NormalizerSettings.Default, Lexicon.Empty);

    /// <summary>
    /// The normaliser a bundle was trained with: <paramref name="settings"/> from its manifest and the lexicons stored in
    /// its folder (<see cref="Lexicon.LoadFolder"/>). The claims CLI and the benches load their normaliser with it.
    /// </summary>
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

        var folded = FoldedText.Fold(raw, Settings.FoldUnicode, withOffsets: false);
        var sink = new ModelTextSink(folded.Text.Length);
        WriteTokens(folded.Text, ref sink);
        return sink.Finish();
    }

    /// <summary>The tokens of <paramref name="raw"/>, each with the span of <paramref name="raw"/> it came from.</summary>
    public NormalizedText Analyze(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return new NormalizedText(string.Empty, []);
        }

        var folded = FoldedText.Fold(raw, Settings.FoldUnicode, withOffsets: true);
        var sink = new TokenListSink(folded);
        WriteTokens(folded.Text, ref sink);
        return new NormalizedText(raw, sink.Tokens);
    }

    /// <summary>The token loop: scans the folded text <paramref name="s"/> into pieces, joins spaced letters, and writes each piece's tokens.</summary>
    private void WriteTokens<TSink>(string s, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        var scanned = t_scanned ?? [];
        var joined = t_joined ?? [];
        t_scanned = t_joined = null;
        var pieces = PieceScanner.Scan(s, Settings, Lexicon, scanned);
        if (Settings.JoinSpacedLetters)
        {
            pieces = SpacedLetters.Join(s, pieces, Lexicon, joined);
        }

        // The emoji token last written, while no other token has followed it: a run of the same emoji is one token.
        var emojiStart = -1;
        var emojiLength = 0;
        foreach (var piece in pieces)
        {
            switch (piece.Kind)
            {
                case PieceKind.Url:
                    sink.Add(UrlToken, piece);
                    emojiStart = -1;
                    break;
                case PieceKind.Mention:
                    sink.Add(MentionToken, piece);
                    emojiStart = -1;
                    break;
                case PieceKind.Emoji:
                    var emoji = s.AsSpan(piece.Start, piece.End - piece.Start);
                    if (emojiStart >= 0 && emoji.SequenceEqual(s.AsSpan(emojiStart, emojiLength)))
                    {
                        sink.ExtendLast(piece);
                    }
                    else
                    {
                        sink.Add(emoji, piece);
                        emojiStart = piece.Start;
                        emojiLength = piece.End - piece.Start;
                    }

                    break;
                default:
                    var before = sink.Count;
                    var word = piece.Joined is null ? s.AsSpan(piece.Start, piece.End - piece.Start) : piece.Joined.AsSpan();
                    if (!WordRepair.TryWritePlain(word, piece, Settings, Lexicon, ref sink))
                    {
                        foreach (var part in WordRepair.Repair(word.ToString().ToLowerInvariant(), Settings, Lexicon))
                        {
                            sink.Add(part, piece);
                        }
                    }

                    if (sink.Count != before)
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
    }
}
