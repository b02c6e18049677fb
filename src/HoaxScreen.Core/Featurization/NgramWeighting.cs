namespace HoaxScreen.Core.Featurization;

/// <summary>How an n-gram present in a post is weighted before each block is L2-normalised.</summary>
public enum NgramWeighting
{
    /// <summary>Its count in the post ("tf").</summary>
    Tf,

    /// <summary>Its inverse document frequency, once however often it occurs ("idf": presence times IDF).</summary>
    Idf,

    /// <summary>Its count times its inverse document frequency ("tfidf").</summary>
    TfIdf,
}
