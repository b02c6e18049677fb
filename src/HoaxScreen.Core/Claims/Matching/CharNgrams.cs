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

    /// <summary>The key of one n-gram.</summary>
    public static long Key(ReadOnlySpan<char> gram)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in gram)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (long)hash;
    }

    /// <summary>Smooth IDF, as scikit-learn: ln((1 + n) / (1 + df)) + 1.</summary>
    public static double Idf(int documents, int documentFrequency) => Math.Log((1.0 + documents) / (1.0 + documentFrequency)) + 1.0;

    /// <summary>Sublinear TF times IDF, rounded to float (as both paths store it).</summary>
    public static float Weight(int termFrequency, double idf) => (float)((1.0 + Math.Log(termFrequency)) * idf);
}
