using System.Text;

namespace HoaxScreen.Core.Claims;

/// <summary>
/// Maps verdicts as fact-checkers publish them, in Indonesian or English, to a <see cref="ClaimRating"/>.
/// Case, spacing, surrounding brackets ("[HOAKS]"), '-' / '_' between words and trailing punctuation do not matter.
/// </summary>
/// <remarks>
/// Decisions:
/// <list type="bullet">
/// <item>DISINFORMASI (false, spread on purpose) and MISINFORMASI (false, spread in good faith) are both <c>false</c>:
/// intent differs, the claim is false either way. MALINFORMASI (true information used to harm) is <c>misleading</c>.</item>
/// <item>Partly true (SEBAGIAN BENAR, PARTLY TRUE, HALF TRUE, MOSTLY FALSE, BUTUH KONTEKS) is <c>misleading</c>:
/// a moderator should treat it as a debunk; MOSTLY TRUE is <c>true</c>.</item>
/// <item>Mafindo's seven content types: Konten Palsu, Konten yang Dimanipulasi and Konten Tiruan are <c>false</c>;
/// Konten yang Menyesatkan, Konteks yang Salah and Koneksi yang Salah are <c>misleading</c>; Satire atau Parodi is <c>other</c>.</item>
/// <item>A combined verdict ("HOAKS/SALAH", "Salah | Menyesatkan") takes the most severe rating its parts know
/// (false, then misleading, unproven, true); a sentence ("Salah. Video itu …") is judged by its first sentence.</item>
/// <item>A rating given directly (false, misleading, true, unproven, other) is itself; anything else, or nothing, is <c>other</c>.</item>
/// </list>
/// </remarks>
public static class ClaimRatings
{
    private static readonly Dictionary<string, ClaimRating> Table = Build();

    private static Dictionary<string, ClaimRating> Build()
    {
        var table = new Dictionary<string, ClaimRating>(StringComparer.Ordinal);
        void Add(ClaimRating rating, params string[] verdicts)
        {
            foreach (var verdict in verdicts)
            {
                table.Add(Normalise(verdict), rating);
            }
        }

        Add(ClaimRating.False,
            "false", "salah", "hoaks", "hoax", "hoaxs", "palsu", "disinformasi", "misinformasi", "disinformation", "misinformation",
            "fitnah", "fake", "fake news", "berita palsu", "keliru", "tidak benar", "bohong", "pants on fire", "incorrect",
            "fabricated", "konten palsu", "konten yang dimanipulasi", "konten dimanipulasi", "konten tiruan", "manipulated", "altered");
        Add(ClaimRating.Misleading,
            "misleading", "menyesatkan", "konten menyesatkan", "konten yang menyesatkan", "sebagian benar", "sebagian salah",
            "partly true", "partly false", "partially true", "partially false", "half true", "mostly false", "missing context",
            "butuh konteks", "perlu konteks", "kurang tepat", "konteks yang salah", "konteks salah", "koneksi yang salah",
            "false context", "false connection", "malinformasi", "malinformation", "out of context", "exaggerated", "dilebih lebihkan");
        Add(ClaimRating.True,
            "true", "benar", "fakta", "faktual", "correct", "accurate", "akurat", "mostly true", "sahih");
        Add(ClaimRating.Unproven,
            "unproven", "belum terbukti", "tidak terbukti", "unverified", "belum terverifikasi", "tidak terverifikasi",
            "unsupported", "no evidence", "tanpa bukti", "tidak ada bukti");
        Add(ClaimRating.Other,
            "other", "satire", "satir", "parodi", "parody", "satire atau parodi", "satire or parody", "lainnya");
        return table;
    }

    /// <summary>The rating of a published verdict (see the class remarks); <see cref="ClaimRating.Other"/> for null, empty or unknown.</summary>
    public static ClaimRating FromVerdict(string? verdict)
    {
        if (string.IsNullOrWhiteSpace(verdict))
        {
            return ClaimRating.Other;
        }

        var key = Normalise(verdict);
        if (Table.TryGetValue(key, out var rating))
        {
            return rating;
        }

        // "HOAKS/SALAH", "Salah | Menyesatkan": the most severe part that is known.
        var parts = verdict.Split(['/', '|', '\\'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > 1)
        {
            var known = parts.Select(p => Table.TryGetValue(Normalise(p), out var r) ? r : (ClaimRating?)null)
                .OfType<ClaimRating>().Where(r => r != ClaimRating.Other).ToList();
            if (known.Count > 0)
            {
                return known.MinBy(Severity);
            }
        }

        // "Salah. Video tersebut …", "False: the photo …": the first sentence.
        var stop = verdict.AsSpan().IndexOfAny(".:;,!(");
        if (stop > 0 && Table.TryGetValue(Normalise(verdict[..stop]), out var first))
        {
            return first;
        }

        return ClaimRating.Other;
    }

    /// <summary>A rating by its name (false, misleading, true, unproven, other; any case), or null.</summary>
    public static ClaimRating? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "false" => ClaimRating.False,
        "misleading" => ClaimRating.Misleading,
        "true" => ClaimRating.True,
        "unproven" => ClaimRating.Unproven,
        "other" => ClaimRating.Other,
        _ => null,
    };

    /// <summary>How a rating is written outside C#: false, misleading, true, unproven or other.</summary>
    public static string Name(ClaimRating rating) => rating switch
    {
        ClaimRating.False => "false",
        ClaimRating.Misleading => "misleading",
        ClaimRating.True => "true",
        ClaimRating.Unproven => "unproven",
        ClaimRating.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, null),
    };

    // Lower is more severe: what a combined verdict resolves to.
    private static int Severity(ClaimRating rating) => rating switch
    {
        ClaimRating.False => 0,
        ClaimRating.Misleading => 1,
        ClaimRating.Unproven => 2,
        ClaimRating.True => 3,
        _ => 4,
    };

    /// <summary>Upper case, letters and digits only, single spaces: "[Hoaks] " and "hoaks" are the same key.</summary>
    private static string Normalise(string verdict)
    {
        var builder = new StringBuilder(verdict.Length);
        foreach (var c in verdict)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }
}
