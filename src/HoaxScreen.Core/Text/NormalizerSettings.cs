namespace HoaxScreen.Core.Text;

/// <summary>
/// Which normalisation rules run. Stored in every bundle's manifest (with the lexicons beside it) so serving
/// normalises exactly as training did. Each rule is documented on <see cref="TextNormalizer"/>.
/// </summary>
public sealed record NormalizerSettings
{
    public const int CurrentVersion = 2;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>NFKD compatibility folding, accents and invisible characters removed, Cyrillic/Greek look-alikes to Latin.</summary>
    public bool FoldUnicode { get; init; } = true;

    /// <summary>URLs, bare domains and e-mail addresses become the token <see cref="TextNormalizer.UrlToken"/>.</summary>
    public bool ReplaceUrls { get; init; } = true;

    /// <summary>@mentions become the token <see cref="TextNormalizer.MentionToken"/>.</summary>
    public bool ReplaceMentions { get; init; } = true;

    /// <summary>#TolakHoaks → "tolak hoaks" (camel case, digits, underscores, or lexicon segmentation when all one case).</summary>
    public bool SplitHashtags { get; init; } = true;

    /// <summary>Emoji stay as tokens of their own (runs of the same emoji collapse); off drops them.</summary>
    public bool KeepEmoji { get; init; } = true;

    /// <summary>b4b1 → babi, g0bl0k → goblok, @njing → anjing (4→a 1→i 3→e 0→o 5→s 7→t @→a $→s).</summary>
    public bool DecodeLeetspeak { get; init; } = true;

    /// <summary>"k a f i r", "k.a.f.i.r", "k-a-f-i-r", "k*a*f*i*r" → kafir.</summary>
    public bool JoinSpacedLetters { get; init; } = true;

    /// <summary>a*jing → anjing when exactly the watch-word lexicon has a word that fits the mask.</summary>
    public bool UnmaskWords { get; init; } = true;

    /// <summary>bangeeettt → banget, wkwkwkwk → wkwk (the lexicon decides between one and two letters).</summary>
    public bool ShortenElongation { get; init; } = true;

    /// <summary>Slang to standard Indonesian through the slang lexicon (yg → yang, gpp → tidak apa apa).</summary>
    public bool ExpandSlang { get; init; } = true;

    /// <summary>The lexicons the normaliser used, as stored in the bundle.</summary>
    public LexiconSummary? Lexicons { get; init; }

    public static NormalizerSettings Default { get; } = new();

    /// <summary>Lower case and word splitting only: the baseline that robustness benchmarks compare against.</summary>
    public static NormalizerSettings Minimal { get; } = new()
    {
        FoldUnicode = false,
        ReplaceUrls = false,
        ReplaceMentions = false,
        SplitHashtags = false,
        KeepEmoji = false,
        DecodeLeetspeak = false,
        JoinSpacedLetters = false,
        UnmaskWords = false,
        ShortenElongation = false,
        ExpandSlang = false,
    };
}

/// <summary>Sizes and origins of the lexicons in a bundle.</summary>
public sealed record LexiconSummary(int SlangEntries, int Watchwords, int VocabularyWords, IReadOnlyList<LexiconSource> Sources);

/// <summary>One lexicon file a model was built with.</summary>
public sealed record LexiconSource(string Kind, string Path, string Sha256, int Entries);
