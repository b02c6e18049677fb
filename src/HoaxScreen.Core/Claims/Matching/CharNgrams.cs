namespace HoaxScreen.Core.Claims.Matching;

/// <summary>
/// The character n-grams of the TF-IDF cosine feature, as scikit-learn's char_wb analyser takes them: lengths 2 to 5
/// within each word padded with a space each side (a word shorter than n gives itself once). Each n-gram is known by a
/// 64-bit hash of its characters (FNV-1a), so the serving path needs no strings; training and serving use the same keys.
/// </summary>
public static class CharNgrams
{
    public const int MinLength = 2;
    public const int MaxLength = 5;

    /// <summary>FNV-1a's starting value.</summary>
    public const ulong Basis = 14695981039346656037UL;

    /// <summary>The key of one n-gram.</summary>
    public static long Key(ReadOnlySpan<char> gram)
    {
        var hash = Basis;
        foreach (var c in gram)
        {
            hash = Step(hash, c);
        }

        return (long)hash;
    }

    /// <summary>FNV-1a over one more character.</summary>
    public static ulong Step(ulong hash, char c) => (hash ^ c) * 1099511628211UL;

    /// <summary>Smooth IDF, as scikit-learn: ln((1 + n) / (1 + df)) + 1, rounded to float (as both paths store it).</summary>
    public static float Idf(int documents, int documentFrequency) => (float)(Math.Log((1.0 + documents) / (1.0 + documentFrequency)) + 1.0);

    // 1 + ln(tf) for the counts nearly every n-gram has (Math.Log per shared n-gram was most of a candidate's cost).
    private static readonly double[] SublinearTf = [.. Enumerable.Range(0, 64).Select(tf => 1.0 + Math.Log(tf))];

    /// <summary>Sublinear TF times IDF, rounded to float (as both paths store it).</summary>
    public static float Weight(int termFrequency, float idf) =>
        (float)((termFrequency < SublinearTf.Length ? SublinearTf[termFrequency] : 1.0 + Math.Log(termFrequency)) * idf);
}
