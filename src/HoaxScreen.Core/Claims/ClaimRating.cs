namespace HoaxScreen.Core.Claims;

/// <summary>
/// A verdict normalised to five values. Written lowercase everywhere outside C# (store, CLI, HTTP): false, misleading,
/// true, unproven, other (see <see cref="ClaimRatings.Name"/>).
/// </summary>
public enum ClaimRating
{
    /// <summary>The claim is false or fabricated (SALAH, HOAKS, FALSE, …).</summary>
    False,

    /// <summary>Partly true, out of context or misleading (MENYESATKAN, SEBAGIAN BENAR, MISLEADING, …).</summary>
    Misleading,

    /// <summary>The claim is true (BENAR, FAKTA, TRUE, …).</summary>
    True,

    /// <summary>Not proven either way (BELUM TERBUKTI, UNPROVEN, …).</summary>
    Unproven,

    /// <summary>Satire, parody, or a verdict not recognised.</summary>
    Other,
}
