using System.Collections.Frozen;

namespace HoaxScreen.Core.Scoring;

/// <summary>
/// Indonesian function words and chat fillers (the team's own list): words that carry grammar or tone rather than the
/// claim or insult a moderator looks for. Explanations show them only when they clearly dominate a score (see
/// <see cref="WordRanking"/>); scoring never uses this list, the models read every word.
/// </summary>
/// <remarks>
/// Matched against normalised tokens, so a bundle's slang lexicon has already turned yg into yang and lo into kamu;
/// the common slang spellings are listed as well, for bundles whose lexicon lacks them.
/// </remarks>
public static class FunctionWords
{
    private static readonly FrozenSet<string> Words = FrozenSet.Create(
        StringComparer.Ordinal,
        [
            // Conjunctions and the relative "yang".
            "yang", "yg", "dan", "atau", "tapi", "tp", "tetapi", "namun", "karena", "krn", "jadi", "jd", "kalau", "kalo",
            "jika", "bila", "agar", "supaya", "sehingga", "bahwa", "serta", "lalu",

            // Prepositions.
            "di", "ke", "dari", "pada", "untuk", "utk", "buat", "dengan", "dgn", "sama", "oleh", "dalam", "tentang",
            "kepada", "bagi", "sampai", "seperti", "kayak",

            // Demonstratives.
            "ini", "itu", "tersebut", "gini", "gitu",

            // Personal pronouns, formal and slang, and the possessive "nya".
            "saya", "aku", "gue", "gua", "gw", "kamu", "lo", "lu", "anda", "dia", "kami", "kita", "mereka", "nya",

            // Auxiliaries, aspect and modality.
            "ada", "adalah", "akan", "sudah", "udah", "telah", "sedang", "lagi", "masih", "belum", "bisa", "dapat", "mau",
            "harus", "juga", "saja", "aja", "cuma", "hanya",

            // Negation.
            "tidak", "tdk", "ga", "gak", "gk", "nggak", "tak", "bukan",

            // Discourse particles and fillers.
            "sih", "deh", "dong", "kok", "ya", "yah", "kan", "tuh", "nih", "lah", "pun", "loh", "nah", "si", "para",

            // Intensifiers.
            "sangat", "sekali", "banget", "bgt",

            // Question words.
            "apa", "siapa", "mana", "kenapa", "gimana", "bagaimana",

            // Generic words that stand in for anyone or anything in chain messages. "info" is also a watch word of the
            // normaliser (so a disguised spelling is still read) and the models may weigh it; it is only held back here.
            "orang", "org", "info",
        ]);

    /// <summary>The number of words in the list.</summary>
    public static int Count => Words.Count;

    /// <summary>Whether a normalised token (lower case) is a function word or filler.</summary>
    public static bool Contains(string token) => Words.Contains(token);
}
