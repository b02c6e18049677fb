namespace HoaxScreen.Core.Modeling;

/// <summary>
/// Posts every bundle must score before it is served, and the one the readiness check scores: plain text, shouting
/// with punctuation and a time, leetspeak and slang with an emoji, a spaced-out word and a non-Latin script, so a
/// normaliser or featuriser that breaks on any of them is caught at load rather than on a user's post.
/// </summary>
public static class CanaryPosts
{
    /// <summary>The readiness check's post.</summary>
    public const string Readiness = "cek kesiapan hoaxscreen";

    public static IReadOnlyList<string> All { get; } =
    [
        Readiness,
        "SEBARKAN!! vaksin mengandung chip, info valid dari grup sebelah",
        "dasar b4b1 lu, otak udang bgt 😡",
        "Selamat pagi warga, TPS 12 buka jam 07.00 ya",
        "k a f i r semua, jangan pilih 🇮🇩 #pilkada2024 @akun https://contoh.id",
        "",
        "ｆｕｌｌ ｗｉｄｔｈ ΑΒΓ مرحبا 你好",
    ];
}
