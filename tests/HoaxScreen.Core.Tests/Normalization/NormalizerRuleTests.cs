using HoaxScreen.Core.Text;
using static HoaxScreen.Core.Tests.Normalization.NormalizerTestKit;

namespace HoaxScreen.Core.Tests.Normalization;

/// <summary>One or more tests per rule documented on <see cref="TextNormalizer"/>, checking texts and original spans.</summary>
public class NormalizerRuleTests
{
    private static readonly TextNormalizer Normalizer = Create();
    private static readonly TextNormalizer NoLexicon = new(NormalizerSettings.Default, Lexicon.Empty);
    private static readonly TextNormalizer Minimal = Create(NormalizerSettings.Minimal);

    // ---- 1. Unicode folding ---------------------------------------------------------------------------------

    [Test]
    public void Analyze_ReduplicationWithTwo_RepeatsTheWordOverOneSpan()
    {
        NormalizerTestKit.AssertTokens(NormalizerTestKit.Create(), "org2 yg2", ("org", "org2"), ("org", "org2"), ("yang", "yg2"), ("yang", "yg2"));
    }

    [Test]
    public void Analyze_TwoSpelledOutWordsInARow_SplitWhereLexiconSays()
    {
        NormalizerTestKit.AssertTokens(NormalizerTestKit.Create(), "k a f i r b a b i", ("kafir", "k a f i r"), ("babi", "b a b i"));
    }

    [Test]
    public void Analyze_SpelledOutUnknownLetters_StayOneWord()
    {
        NormalizerTestKit.AssertTokens(NormalizerTestKit.Create(), "p k i x", ("pkix", "p k i x"));
    }

    [Test]
    public void Analyze_FullWidthLetters_FoldToAsciiOverWholeSpan()
    {
        AssertTokens(Normalizer, "ＨＯＡＫＳ", ("hoaks", "ＨＯＡＫＳ"));
    }

    [Test]
    public void Analyze_MathematicalBoldLetters_FoldAndSpanCountsUtf16Units()
    {
        const string raw = "dasar 𝐚𝐧𝐣𝐢𝐧𝐠!";
        AssertTokens(Normalizer, raw, ("dasar", "dasar"), ("anjing", "𝐚𝐧𝐣𝐢𝐧𝐠"));
        var token = Normalizer.Analyze(raw).Tokens[1];
        Assert.That((token.Start, token.Length), Is.EqualTo((6, 12)));
    }

    [TestCase("dasar аnjing", "аnjing", "anjing")] // Cyrillic а
    [TestCase("dasar ѕеtаn", "ѕеtаn", "setan")] // Cyrillic ѕ, е, а
    [TestCase("dasar bαbi", "bαbi", "babi")] // Greek α
    [TestCase("dasar КАFIR", "КАFIR", "kafir")] // Cyrillic capitals К, А
    public void Analyze_CyrillicOrGreekHomoglyphs_FoldToLatin(string raw, string span, string expected)
    {
        AssertTokens(Normalizer, raw, ("dasar", "dasar"), (expected, span));
    }

    [Test]
    public void Analyze_ZeroWidthSpaceInsideWord_IsDroppedAndSpanCoversIt()
    {
        const string raw = "an\u200Bjing";
        AssertTokens(Normalizer, raw, ("anjing", raw));
        Assert.That(Normalizer.Analyze(raw).Tokens[0].Length, Is.EqualTo(7));
    }

    [Test]
    public void Analyze_SoftHyphenJoinerAndBom_AreDropped()
    {
        AssertTokens(Normalizer, "go\u00ADbl\u200Dok \uFEFFsetan\u2060", ("goblok", "go\u00ADbl\u200Dok"), ("setan", "setan"));
    }

    [TestCase("ánjing", "ánjing")]
    [TestCase("a\u0301njing", "a\u0301njing")]
    public void Analyze_AccentedLetters_LoseAccents(string raw, string span)
    {
        AssertTokens(Normalizer, raw, ("anjing", span));
    }

    [Test]
    public void Analyze_Ligature_ExpandsToLetters()
    {
        AssertTokens(Normalizer, "ﬁtnah", ("fitnah", "ﬁtnah"));
    }

    // ---- 2. URLs, e-mail addresses, mentions ----------------------------------------------------------------

    [Test]
    public void Analyze_HttpsUrl_BecomesLinkTokenOverUrlSpan()
    {
        AssertTokens(Normalizer, "cek https://bit.ly/abc", ("cek", "cek"), (TextNormalizer.UrlToken, "https://bit.ly/abc"));
    }

    [Test]
    public void Analyze_UrlWithTrailingPunctuation_LeavesPunctuationOutOfSpan()
    {
        AssertTokens(Normalizer, "baca www.hoaks.com/berita. sekarang", ("baca", "baca"), (TextNormalizer.UrlToken, "www.hoaks.com/berita"), ("sekarang", "sekarang"));
    }

    [Test]
    public void Analyze_BareDomain_BecomesLinkToken()
    {
        AssertTokens(Normalizer, "sumber turnbackhoax.id", ("sumber", "sumber"), (TextNormalizer.UrlToken, "turnbackhoax.id"));
    }

    [Test]
    public void Analyze_EmailAddress_BecomesLinkTokenNotMention()
    {
        AssertTokens(Normalizer, "kirim ke admin@desa.id", ("kirim", "kirim"), ("ke", "ke"), (TextNormalizer.UrlToken, "admin@desa.id"));
    }

    [Test]
    public void Analyze_Mention_BecomesUserTokenAndSlangExpands()
    {
        AssertTokens(Normalizer, "@budi_99 yg bener", (TextNormalizer.MentionToken, "@budi_99"), ("yang", "yg"), ("benar", "bener"));
    }

    [Test]
    public void Analyze_AtSignSpellingWatchword_IsDecodedNotMention()
    {
        AssertTokens(Normalizer, "dasar @njing", ("dasar", "dasar"), ("anjing", "@njing"));
    }

    [Test]
    public void Analyze_LoneAtSignOrDollars_GiveNoToken()
    {
        AssertTokens(Normalizer, "ketemu @ sekarang $$$", ("ketemu", "ketemu"), ("sekarang", "sekarang"));
    }

    // ---- 3. Hashtags ----------------------------------------------------------------------------------------

    [Test]
    public void Analyze_CamelCaseHashtag_SplitsIntoWordsWithoutHash()
    {
        AssertTokens(Normalizer, "#TolakHoaks", ("tolak", "Tolak"), ("hoaks", "Hoaks"));
    }

    [Test]
    public void Analyze_LowerCaseHashtag_IsSegmentedWithLexicon()
    {
        const string raw = "#tolakhoaks";
        AssertTokens(Normalizer, raw, ("tolak", "tolak"), ("hoaks", "hoaks"));
        Assert.That(Normalizer.Analyze(raw).Tokens.Select(t => t.Start), Is.EqualTo(new[] { 1, 6 }));
    }

    [TestCase("#Tolak_Hoaks", "tolak", "Tolak", "hoaks", "Hoaks")]
    [TestCase("#Vaksin2021", "vaksin", "Vaksin", "2021", "2021")]
    [TestCase("#COVIDVaksin", "covid", "COVID", "vaksin", "Vaksin")]
    public void Analyze_HashtagWithUnderscoreDigitsOrAcronym_SplitsThere(string raw, string first, string firstSpan, string second, string secondSpan)
    {
        AssertTokens(Normalizer, raw, (first, firstSpan), (second, secondSpan));
    }

    [Test]
    public void Analyze_UnsegmentableHashtag_StaysOneWord()
    {
        AssertTokens(Normalizer, "#xyzqwerty", ("xyzqwerty", "xyzqwerty"));
    }

    // ---- 4. Emoji -------------------------------------------------------------------------------------------

    [Test]
    public void Analyze_RunOfSameEmoji_IsOneTokenOverTheRun()
    {
        AssertTokens(Normalizer, "😡😡😡", ("😡", "😡😡😡"));
    }

    [Test]
    public void Analyze_DifferentEmoji_AreSeparateTokens()
    {
        AssertTokens(Normalizer, "parah 😡😡😂", ("parah", "parah"), ("😡", "😡😡"), ("😂", "😂"));
    }

    [Test]
    public void Analyze_EmojiBetweenWords_SeparatesThem()
    {
        AssertTokens(Normalizer, "babi😡babi", ("babi", "babi"), ("😡", "😡"), ("babi", "babi"));
    }

    [Test]
    public void Analyze_EmojiWithSkinTone_DropsModifier()
    {
        AssertTokens(Normalizer, "mantap 👍🏽", ("mantap", "mantap"), ("👍", "👍"));
    }

    // ---- 5. Spaced letters ----------------------------------------------------------------------------------

    [TestCase("k a f i r semua", "k a f i r")]
    [TestCase("k.a.f.i.r semua", "k.a.f.i.r")]
    [TestCase("k-a-f-i-r semua", "k-a-f-i-r")]
    [TestCase("k*a*f*i*r semua", "k*a*f*i*r")]
    [TestCase("k_a_f_i_r semua", "k_a_f_i_r")]
    [TestCase("k. a. f. i. r semua", "k. a. f. i. r")]
    [TestCase("K A F I R semua", "K A F I R")]
    public void Analyze_LettersSplitBySeparators_AreJoined(string raw, string span)
    {
        AssertTokens(Normalizer, raw, ("kafir", span), ("semua", "semua"));
    }

    [Test]
    public void Analyze_TwoDottedWordsSeparatedBySpace_StayTwoWords()
    {
        AssertTokens(Normalizer, "dasar k.a.f.i.r b-a-b-i", ("dasar", "dasar"), ("kafir", "k.a.f.i.r"), ("babi", "b-a-b-i"));
    }

    [Test]
    public void Analyze_TwoSingleLetters_AreNotJoined()
    {
        AssertTokens(Normalizer, "a b", ("a", "a"), ("b", "b"));
    }

    [Test]
    public void Analyze_SpacedUnknownWord_IsJoinedToo()
    {
        AssertTokens(NoLexicon, "r e s m i", ("resmi", "r e s m i"));
    }

    // ---- 6. Leetspeak ---------------------------------------------------------------------------------------

    [Test]
    public void Analyze_LeetWordInPost_DecodesAndSlangExpands()
    {
        AssertTokens(Normalizer, "Dasar b4b1 lu!!", ("dasar", "Dasar"), ("babi", "b4b1"), ("kamu", "lu"));
    }

    [TestCase("g0bl0k", "goblok")]
    [TestCase("s3k4li", "sekali")]
    [TestCase("t0l0l", "tolol")]
    [TestCase("b@bi", "babi")]
    [TestCase("k4f1r", "kafir")]
    public void Analyze_InteriorLeetDigits_DecodeWithoutLexicon(string raw, string expected)
    {
        AssertTokens(NoLexicon, raw, (expected, raw));
    }

    [TestCase("4njing", "anjing")]
    [TestCase("$etan", "setan")]
    [TestCase("b4b1", "babi")]
    public void Analyze_LeetDigitAtEdge_DecodesWhenResultIsKnown(string raw, string expected)
    {
        AssertTokens(Normalizer, raw, (expected, raw));
    }

    [TestCase("mp3")]
    [TestCase("4njing")] // would be known with a lexicon, but not with the empty one
    [TestCase("1ndonesia")]
    public void Analyze_LeetDigitAtEdgeAndUnknown_StaysAsWritten(string raw)
    {
        AssertTokens(NoLexicon, raw, (raw, raw));
    }

    [Test]
    public void Analyze_NumbersAndAlphanumerics_AreKept()
    {
        AssertTokens(Normalizer, "2024 covid19 rp 1000000 mp3", ("2024", "2024"), ("covid19", "covid19"), ("rp", "rp"), ("1000000", "1000000"), ("mp3", "mp3"));
    }

    [Test]
    public void Analyze_LeetDecodesToSlang_ThenExpands()
    {
        AssertTokens(Normalizer, "b3n3r", ("benar", "b3n3r"));
    }

    [Test]
    public void Analyze_ElongatedLeetEndingInDigits_DecodesWhenShortenedIsKnown()
    {
        AssertTokens(Normalizer, "b4b1111", ("babi", "b4b1111"));
    }

    // ---- 7. Masked letters ----------------------------------------------------------------------------------

    [Test]
    public void Analyze_MaskWithOneFittingWatchword_IsResolved()
    {
        AssertTokens(Normalizer, "a*jing bgt", ("anjing", "a*jing"), ("banget", "bgt"));
    }

    [Test]
    public void Analyze_MaskWithTwoFittingWatchwords_StaysUnresolvedWithoutStars()
    {
        AssertTokens(Normalizer, "dasar janc*k", ("dasar", "dasar"), ("janck", "janc*k"));
    }

    [Test]
    public void Analyze_MaskFittingOnlyAKnownWord_ResolvesToIt()
    {
        AssertTokens(Normalizer, "ber*ta", ("berita", "ber*ta"));
    }

    [Test]
    public void Analyze_MaskFittingNoKnownWord_DropsStars()
    {
        AssertTokens(Normalizer, "zq*xw", ("zqxw", "zq*xw"));
    }

    [Test]
    public void Analyze_MaskWithLeetDigit_IsDecodedThenResolved()
    {
        AssertTokens(Normalizer, "4*jing", ("anjing", "4*jing"));
    }

    [Test]
    public void Analyze_DecorativeStars_AreLeftOutOfSpan()
    {
        AssertTokens(Normalizer, "**anjing**", ("anjing", "anjing"));
    }

    // ---- 8. Elongation --------------------------------------------------------------------------------------

    [TestCase("bangeeettt", "banget")]
    [TestCase("parahhhh", "parah")]
    [TestCase("Anjiiiing", "anjing")]
    [TestCase("BANGEEETTT", "banget")]
    [TestCase("allllah", "allah")] // the lexicon picks two letters
    public void Analyze_ElongatedWord_ShortensToKnownWord(string raw, string expected)
    {
        AssertTokens(Normalizer, raw, (expected, raw));
    }

    [Test]
    public void Analyze_ElongatedUnknownWord_KeepsOneLetterPerRun()
    {
        AssertTokens(NoLexicon, "allllah jelekkkk", ("alah", "allllah"), ("jelek", "jelekkkk"));
    }

    [Test]
    public void Analyze_ElongatedSlang_ShortensThenExpands()
    {
        AssertTokens(Normalizer, "bgttt", ("banget", "bgttt"));
    }

    [TestCase("wkwkwkwk", "wkwk")]
    [TestCase("WKWKWK", "wkwk")]
    [TestCase("hahahaha", "haha")]
    [TestCase("wkwk", "wkwk")]
    public void Analyze_RepeatedLaughter_CollapsesToTwoRepeats(string raw, string expected)
    {
        AssertTokens(Normalizer, raw, (expected, raw));
    }

    // ---- 9. Lower case and slang ----------------------------------------------------------------------------

    [Test]
    public void Analyze_MixedCase_IsLowered()
    {
        AssertTokens(Normalizer, "SEBARKAN Sekarang", ("sebarkan", "SEBARKAN"), ("sekarang", "Sekarang"));
    }

    [Test]
    public void Analyze_MultiWordSlang_GivesTokensSharingTheSlangSpan()
    {
        AssertTokens(Normalizer, "gpp kok", ("tidak", "gpp"), ("apa", "gpp"), ("apa", "gpp"), ("kok", "kok"));
    }

    [Test]
    public void Normalize_WhitespaceRunsAndPunctuation_SeparateWords()
    {
        Assert.That(Normalizer.Normalize("  jangan\tpercaya!!!\n\nhoaks...  "), Is.EqualTo("jangan percaya hoaks"));
    }

    // ---- Settings switched off ------------------------------------------------------------------------------

    [TestCase("Dasar b4b1 lu!!", "dasar b4b1 lu")]
    [TestCase("g0bl0k", "g0bl0k")]
    [TestCase("k a f i r", "k a f i r")]
    [TestCase("k.a.f.i.r", "k a f i r")]
    [TestCase("k*a*f*i*r", "k*a*f*i*r")]
    [TestCase("a*jing bgt", "a*jing bgt")]
    [TestCase("bangeeettt", "bangeeettt")]
    [TestCase("wkwkwkwk", "wkwkwkwk")]
    [TestCase("ＨＯＡＫＳ", "ｈｏａｋｓ")]
    [TestCase("аnjing", "аnjing")]
    [TestCase("an\u200Bjing", "an jing")]
    [TestCase("#TolakHoaks", "tolakhoaks")]
    [TestCase("cek https://bit.ly/abc", "cek https bit ly abc")]
    [TestCase("@budi_99 yg bener", "budi 99 yg bener")]
    [TestCase("parah 😡😡😡", "parah")]
    public void Normalize_MinimalSettings_LeaveObfuscationsAsWritten(string raw, string expected)
    {
        Assert.That(Minimal.Normalize(raw), Is.EqualTo(expected));
    }

    [Test]
    public void Analyze_MinimalSettings_SpansStillPointAtOriginal()
    {
        AssertTokens(Minimal, "Dasar b4b1 k.a.f", ("dasar", "Dasar"), ("b4b1", "b4b1"), ("k", "k"), ("a", "a"), ("f", "f"));
    }

    private static IEnumerable<TestCaseData> SingleRuleOffCases()
    {
        var on = NormalizerSettings.Default;
        yield return new TestCaseData(on with { FoldUnicode = false }, "ＨＯＡＫＳ", "ｈｏａｋｓ").SetArgDisplayNames("FoldUnicode");
        yield return new TestCaseData(on with { ReplaceUrls = false }, "bit.ly/abc", "bit ly abc").SetArgDisplayNames("ReplaceUrls");
        yield return new TestCaseData(on with { ReplaceMentions = false }, "@budi", "budi").SetArgDisplayNames("ReplaceMentions");
        yield return new TestCaseData(on with { SplitHashtags = false }, "#TolakHoaks", "tolakhoaks").SetArgDisplayNames("SplitHashtags");
        yield return new TestCaseData(on with { KeepEmoji = false }, "parah 😡", "parah").SetArgDisplayNames("KeepEmoji");
        yield return new TestCaseData(on with { DecodeLeetspeak = false }, "g0bl0k", "g0bl0k").SetArgDisplayNames("DecodeLeetspeak");
        yield return new TestCaseData(on with { JoinSpacedLetters = false }, "k.a.f.i.r k*a*f*i*r", "k a f i r k*a*f*i*r").SetArgDisplayNames("JoinSpacedLetters");
        yield return new TestCaseData(on with { UnmaskWords = false }, "a*jing", "a*jing").SetArgDisplayNames("UnmaskWords");
        yield return new TestCaseData(on with { ShortenElongation = false }, "bangeeettt", "bangeeettt").SetArgDisplayNames("ShortenElongation");
        yield return new TestCaseData(on with { ExpandSlang = false }, "yg bgt", "yg bgt").SetArgDisplayNames("ExpandSlang");
    }

    [TestCaseSource(nameof(SingleRuleOffCases))]
    public void Normalize_OneRuleSwitchedOff_LeavesThatObfuscation(NormalizerSettings settings, string raw, string expected)
    {
        Assert.That(Create(settings).Normalize(raw), Is.EqualTo(expected));
    }
}
