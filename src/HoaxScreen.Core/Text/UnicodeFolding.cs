using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace HoaxScreen.Core.Text;

/// <summary>
/// Folds one code point to plain text: compatibility forms (full-width, mathematical alphabets, ligatures)
/// via NFKD, accents dropped, and Cyrillic/Greek look-alike letters mapped to Latin. Results are cached.
/// </summary>
internal static class UnicodeFolding
{
    private static readonly ConcurrentDictionary<int, string> Cache = new();

    private static readonly Dictionary<char, char> Homoglyphs = new()
    {
        // Cyrillic
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p',
        ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j', ['ѕ'] = 's', ['ԁ'] = 'd',
        ['ԛ'] = 'q', ['ԝ'] = 'w', ['ɡ'] = 'g', ['А'] = 'A', ['В'] = 'B', ['Е'] = 'E', ['К'] = 'K', ['М'] = 'M', ['Н'] = 'H',
        ['О'] = 'O', ['Р'] = 'P', ['С'] = 'C', ['Т'] = 'T', ['У'] = 'Y', ['Х'] = 'X', ['І'] = 'I', ['Ј'] = 'J', ['Ѕ'] = 'S',
        // Greek
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p', ['τ'] = 't',
        ['υ'] = 'u', ['χ'] = 'x', ['ω'] = 'w', ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Ζ'] = 'Z', ['Η'] = 'H', ['Ι'] = 'I',
        ['Κ'] = 'K', ['Μ'] = 'M', ['Ν'] = 'N', ['Ο'] = 'O', ['Ρ'] = 'P', ['Τ'] = 'T', ['Υ'] = 'Y', ['Χ'] = 'X',
        // Latin letters NFKD leaves alone
        ['ı'] = 'i', ['ł'] = 'l', ['Ł'] = 'L', ['ø'] = 'o', ['Ø'] = 'O', ['đ'] = 'd', ['Đ'] = 'D', ['ħ'] = 'h',
    };

    public static string Fold(Rune rune) => Cache.GetOrAdd(rune.Value, static value => Compute(new Rune(value)));

    private static string Compute(Rune rune)
    {
        string decomposed;
        try
        {
            decomposed = rune.ToString().Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            // ICU refuses some code points (noncharacters such as U+FFFE): they carry nothing, so they fold to nothing.
            return string.Empty;
        }

        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            builder.Append(Homoglyphs.TryGetValue(c, out var latin) ? latin : c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Characters that carry no meaning and are used to slip words past filters, and the noncharacters (U+FDD0-FDEF and
    /// the last two code points of every plane), which no text should carry.
    /// </summary>
    public static bool IsInvisible(Rune rune)
    {
        var v = rune.Value;
        return IsNoncharacter(v) || v is 0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x180E or 0x3164 or 0xFEFF or 0xFFA0
            || (v >= 0x200B && v <= 0x200F) || (v >= 0x202A && v <= 0x202E) || (v >= 0x2060 && v <= 0x206F)
            || (v >= 0xFE00 && v <= 0xFE0F) || (v >= 0xE0000 && v <= 0xE0FFF)
            || (v >= 0x1F3FB && v <= 0x1F3FF) // skin-tone modifiers
            || (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format && !Rune.IsWhiteSpace(rune));
    }

    private static bool IsNoncharacter(int value) => value is >= 0xFDD0 and <= 0xFDEF || (value & 0xFFFE) == 0xFFFE;

    /// <summary>
    /// Pictographs and other symbols kept as they are. Symbols with a case (the circled letters Ⓐ-ⓩ) are letters in
    /// disguise: they fold to their letter instead.
    /// </summary>
    public static bool IsEmoji(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol && rune.Value >= 0x2190
        && Rune.ToLowerInvariant(rune) == rune && Rune.ToUpperInvariant(rune) == rune;
}
