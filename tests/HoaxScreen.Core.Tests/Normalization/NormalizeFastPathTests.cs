using System.Text;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Text;
using HoaxScreen.Tests.Shared;
using static HoaxScreen.Core.Tests.Normalization.NormalizerTestKit;

namespace HoaxScreen.Core.Tests.Normalization;

/// <summary>
/// <see cref="TextNormalizer.Normalize"/> is the scoring hot path: it shares <see cref="TextNormalizer.Analyze"/>'s token
/// loop but writes the model text alone, skipping the token list and offset map; it must give exactly
/// <c>Analyze(text).Text</c>, on the team's corpus, on generated obfuscations, on random strings of awkward pieces, and
/// under every normaliser setting. (The plain-word path both take is held to the full word repair in
/// <see cref="PlainWordPathTests"/>.)
/// </summary>
public class NormalizeFastPathTests
{
    private static readonly Lazy<string[]> CorpusTexts = new(ReadCorpus);

    private static IEnumerable<TestCaseData> Normalizers()
    {
        yield return new TestCaseData("bundle models/default", new Func<TextNormalizer>(() => TextNormalizer.ForBundle(RepoPaths.DefaultModel, NormalizerSettings.Default)));
        yield return new TestCaseData("test lexicon, default rules", new Func<TextNormalizer>(() => Create()));
        yield return new TestCaseData("test lexicon, minimal rules", new Func<TextNormalizer>(() => Create(NormalizerSettings.Minimal)));
        yield return new TestCaseData("no elongation", new Func<TextNormalizer>(() => Create(NormalizerSettings.Default with { ShortenElongation = false })));
        yield return new TestCaseData("no slang", new Func<TextNormalizer>(() => Create(NormalizerSettings.Default with { ExpandSlang = false })));
        yield return new TestCaseData("no spaced letters", new Func<TextNormalizer>(() => Create(NormalizerSettings.Default with { JoinSpacedLetters = false })));
        yield return new TestCaseData("no unicode folding", new Func<TextNormalizer>(() => Create(NormalizerSettings.Default with { FoldUnicode = false })));
        yield return new TestCaseData("no emoji", new Func<TextNormalizer>(() => Create(NormalizerSettings.Default with { KeepEmoji = false })));
    }

    [TestCaseSource(nameof(Normalizers))]
    public void Normalize_TeamCorpus_EqualsAnalyzeText(string name, Func<TextNormalizer> create)
    {
        AssertSame(create(), CorpusTexts.Value, name);
    }

    [TestCaseSource(nameof(Normalizers))]
    public void Normalize_RandomAwkwardStrings_EqualsAnalyzeText(string name, Func<TextNormalizer> create)
    {
        AssertSame(create(), RandomPosts(seed: 20261129, count: 4000), name);
    }

    [Test]
    public void Normalize_GeneratedObfuscatedPosts_EqualsAnalyzeText()
    {
        var lexicon = new Lexicon(Slang, [.. Watchwords, "bajingan", "kampret"], Vocabulary);
        var normalizer = new TextNormalizer(NormalizerSettings.Default, lexicon);
        var posts = Enumerable.Range(0, 2000).Select(i => OffsetPropertyTests.PostGenerator.Generate(7000 + i, lexicon).Text);
        AssertSame(normalizer, posts, "generated");
    }

    [Test]
    public void Normalize_SharedPublicPosts_EqualsAnalyzeText()
    {
        var texts = new List<string>();
        foreach (var set in new[] { "ibrohim2019-hs-abusive", "netifier2018-toxic", "indonesia-false-news-posts", "pratiwi2017-hoax-news" })
        {
            var path = Path.Combine(RepoPaths.SharedData, set, "train.csv");
            if (File.Exists(path))
            {
                texts.AddRange(ReadTexts(path).Take(3000));
            }
        }

        if (texts.Count == 0)
        {
            Assert.Ignore("../shared/data is not here");
        }

        AssertSame(TextNormalizer.ForBundle(RepoPaths.DefaultModel, NormalizerSettings.Default), texts, "shared data");
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("😂😂 😂 x 😂")]
    [TestCase("😂 @ 😂")]
    [TestCase("WKWKWKWK bangeeeet ORANG2 yg")]
    [TestCase("k a f i r, k.a.f.i.r b.a.b.i")]
    [TestCase("tab\tline\nfeed\r\nform\fvertical\vsep\u001Cx\u001Fy")]
    [TestCase("lone \uD83D surrogate \uDE00 here")]
    [TestCase("İstanbul ǅemal ＢＯＤＯＨ сеbоng vak\u200Bsin")]
    public void Normalize_EdgeCases_EqualsAnalyzeText(string text)
    {
        AssertSame(TextNormalizer.ForBundle(RepoPaths.DefaultModel, NormalizerSettings.Default), [text], "edge case");
        AssertSame(Create(), [text], "test lexicon");
    }

    [Test]
    public void Normalize_ManyThreadsAtOnce_EqualsAnalyzeText()
    {
        var normalizer = TextNormalizer.ForBundle(RepoPaths.DefaultModel, NormalizerSettings.Default);
        var texts = CorpusTexts.Value;
        var expected = texts.Select(t => normalizer.Analyze(t).Text).ToArray();
        var mismatches = 0;
        Parallel.For(0, texts.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            if (normalizer.Normalize(texts[i % texts.Length]) != expected[i % texts.Length])
            {
                Interlocked.Increment(ref mismatches);
            }
        });
        Assert.That(mismatches, Is.Zero);
    }

    private static void AssertSame(TextNormalizer normalizer, IEnumerable<string> texts, string what)
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var text in texts)
        {
            count++;
            var expected = normalizer.Analyze(text).Text;
            var actual = normalizer.Normalize(text);
            if (actual != expected && failures.Count < 10)
            {
                failures.Add($"\"{Escape(text)}\": Normalize \"{Escape(actual)}\" but Analyze \"{Escape(expected)}\"");
            }
        }

        Assert.That(count, Is.GreaterThan(0));
        Assert.That(failures, Is.Empty, $"{what}:\n" + string.Join('\n', failures));
    }

    // Random posts built from pieces each rule reacts to, joined with and without separators.
    private static IEnumerable<string> RandomPosts(int seed, int count)
    {
        string[] pieces =
        [
            "a", "B", "k", "ka", "fir", "4", "1", "0", "3", "5", "7", "2", "9", "@", "$", "*", "#", ".", "-", "_", ",", "!", "?",
            " ", "  ", "\t", "\n", "😂", "🔥", "👍🏽", "é", "ｂ", "с", "е", "\u200B", "\u00AD", "\u00A0", "\uD83D", "İ", "ß",
            "http://x.co/a", "www.test.com", "berita.id.", "a@b.com", "@user", "@njing", "#TolakHoaks", "#tolakhoaks", "#2024",
            "yg", "bgt", "gpp", "lu", "anjing", "a*jing", "**anjing**", "k a f i r", "k.a.f.i.r", "k*a*f*i*r", "b4b1", "g0bl0k",
            "wkwkwk", "hahaha", "bangeeet", "bangeeettt", "orang2", "kemana2", "2024", "covid19", "SEBARKAN", "Dasar", "URL", "USER",
        ];
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(1, 25);
            for (var k = 0; k < length; k++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
                if (random.Next(3) > 0)
                {
                    builder.Append(' ');
                }
            }

            yield return builder.ToString();
        }
    }

    private static string[] ReadCorpus()
    {
        var texts = new List<string>(ReadTexts(Path.Combine(RepoPaths.DataFolder, "posts.csv")));
        var drafts = Path.Combine(RepoPaths.DataFolder, "drafts");
        if (Directory.Exists(drafts))
        {
            foreach (var file in Directory.GetFiles(drafts, "*.csv").Order(StringComparer.Ordinal))
            {
                texts.AddRange(ReadTexts(file));
            }
        }

        return [.. texts];
    }

    private static IEnumerable<string> ReadTexts(string path)
    {
        using var reader = CsvRecordReader.Open(path);
        var header = reader.ReadRecord() ?? [];
        var column = Array.FindIndex(header, h => string.Equals(h.Trim(), "text", StringComparison.OrdinalIgnoreCase));
        if (column < 0)
        {
            yield break;
        }

        while (reader.ReadRecord() is { } record)
        {
            if (column < record.Length)
            {
                yield return record[column];
            }
        }
    }
}
