namespace HoaxScreen.Core.Text;

/// <summary>Leetspeak: digits and symbols written for letters (b4b1 → babi, g0bl0k → goblok, @njing → anjing).</summary>
internal static class Leetspeak
{
    /// <summary>The characters <see cref="Decode"/> turns into letters.</summary>
    public const string Characters = "4130$57@";

    public static string Decode(string word)
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

    /// <summary>Whether the leet characters all sit inside the word, none first or last: digits between letters (g0bl0k, b4bi) are almost never numbers.</summary>
    public static bool IsInterior(string word)
    {
        var first = word.AsSpan().IndexOfAny(Characters);
        var last = word.AsSpan().LastIndexOfAny(Characters);
        return first > 0 && last < word.Length - 1;
    }
}
