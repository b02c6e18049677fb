using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HoaxScreen.Core.Text;

/// <summary>
/// Turns a raw post into the text the model sees: Unicode NFKC, invisible characters removed,
/// lower case, URLs and @mentions replaced by placeholder tokens, elongated letters shortened
/// ("bangeeet" → "bangeet") and whitespace collapsed. Thread-safe and allocation-light.
/// </summary>
public sealed partial class TextNormalizer(NormalizerSettings settings)
{
    public const string UrlToken = "tautan";
    public const string MentionToken = "pengguna";

    public NormalizerSettings Settings { get; } = settings;

    public static TextNormalizer Default { get; } = new(NormalizerSettings.Default);

    public string Normalize(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        var text = raw.IsNormalized(NormalizationForm.FormKC) ? raw : raw.Normalize(NormalizationForm.FormKC);
        if (Settings.ReplaceUrls)
        {
            text = UrlPattern().Replace(text, " " + UrlToken + " ");
        }

        if (Settings.ReplaceMentions)
        {
            text = MentionPattern().Replace(text, " " + MentionToken + " ");
        }

        var builder = new StringBuilder(text.Length);
        var previous = '\0';
        var run = 0;
        var pendingSpace = false;
        foreach (var original in text)
        {
            if (IsInvisible(original))
            {
                continue;
            }

            if (char.IsWhiteSpace(original))
            {
                pendingSpace = builder.Length > 0;
                previous = ' ';
                run = 0;
                continue;
            }

            var c = Settings.Lowercase ? char.ToLowerInvariant(original) : original;
            run = c == previous ? run + 1 : 1;
            previous = c;
            if (Settings.MaxRepeatedCharacters > 0 && run > Settings.MaxRepeatedCharacters && char.IsLetter(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    // Zero-width and bidi controls are used to slip words past filters; they carry no meaning.
    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
        || (char.GetUnicodeCategory(c) == UnicodeCategory.Control && !char.IsWhiteSpace(c));

    [GeneratedRegex(@"(?:https?://|www\.)\S+|\bURL\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(?<![\w@])@\w{1,30}", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
