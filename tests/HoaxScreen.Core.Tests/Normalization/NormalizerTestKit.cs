using System.Globalization;
using System.Text;
using HoaxScreen.Core.Text;

namespace HoaxScreen.Core.Tests.Normalization;

/// <summary>Small hand-written lexicons and span assertions shared by the normaliser tests (no data/ files).</summary>
internal static class NormalizerTestKit
{
    public static readonly KeyValuePair<string, string>[] Slang =
    [
        new("yg", "yang"),
        new("bgt", "banget"),
        new("lu", "kamu"),
        new("gpp", "tidak apa apa"),
        new("bener", "benar"),
        new("gak", "tidak"),
    ];

    // jancok/jancuk: two watch words that both fit "janc*k", so that mask stays unresolved.
    public static readonly string[] Watchwords = ["anjing", "babi", "kafir", "goblok", "bangsat", "setan", "tolol", "jancok", "jancuk"];

    public static readonly string[] Vocabulary =
    [
        "dasar", "semua", "banget", "tolak", "hoaks", "cek", "kata", "sekali", "parah", "allah", "vaksin", "covid", "berita",
        "mantap", "sebarkan", "sekarang", "kirim", "ke", "sumber", "baca", "jangan", "percaya",
    ];

    public static Lexicon TestLexicon { get; } = new(Slang, Watchwords, Vocabulary);

    public static TextNormalizer Create(NormalizerSettings? settings = null) => new(settings ?? NormalizerSettings.Default, TestLexicon);

    /// <summary>Asserts the token texts and, for each token, the exact original substring its span covers.</summary>
    public static void AssertTokens(TextNormalizer normalizer, string raw, params (string Text, string Span)[] expected)
    {
        var tokens = normalizer.Analyze(raw).Tokens;
        foreach (var token in tokens)
        {
            Assert.That(token.Start >= 0 && token.Length > 0 && token.End <= raw.Length, Is.True, $"span {token} outside \"{Escape(raw)}\"");
        }

        var actual = tokens.Select(t => (t.Text, raw.Substring(t.Start, t.Length))).ToArray();
        Assert.That(actual, Is.EqualTo(expected), $"tokens of \"{Escape(raw)}\"");
    }

    /// <summary>Shows invisible and non-ASCII characters as \uXXXX so failure messages are readable.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= ' ' and <= '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
