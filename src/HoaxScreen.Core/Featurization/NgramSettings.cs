using HoaxScreen.Core.Data;

namespace HoaxScreen.Core.Featurization;

/// <summary>
/// What <see cref="NgramFeaturizer"/> extracts: word 1..<paramref name="WordNgramLength"/>-grams (words split on spaces
/// of the normalised text) and character n-grams of <paramref name="CharNgramLengths"/> over the whole text between a
/// start and an end marker, spaces included; each block L2-normalised on its own.
/// </summary>
public sealed record NgramSettings(int WordNgramLength, IReadOnlyList<int> CharNgramLengths, NgramWeighting Weighting)
{
    /// <summary>Longest word n-gram the featuriser takes.</summary>
    public const int MaxWordNgramLength = 3;

    /// <summary>Longest character n-gram the featuriser takes.</summary>
    public const int MaxCharNgramLength = 6;

    /// <summary>The featuriser part of a recipe's trainer settings (already checked by <see cref="TrainerSettings.Problems"/>).</summary>
    public static NgramSettings From(TrainerSettings settings) => new(
        settings.WordNgramLength,
        settings.CharNgramLength == 0 ? []
            : settings.CharNgramAllLengths ? [.. Enumerable.Range(1, settings.CharNgramLength)]
            : [settings.CharNgramLength],
        ParseWeighting(settings.Weighting) ?? throw new ArgumentException($"unknown weighting '{settings.Weighting}'", nameof(settings)));

    /// <summary>The weighting a recipe names ("tf", "idf", "tfidf"), or null for any other name.</summary>
    public static NgramWeighting? ParseWeighting(string name) => name switch
    {
        "tf" => NgramWeighting.Tf,
        "idf" => NgramWeighting.Idf,
        "tfidf" => NgramWeighting.TfIdf,
        _ => null,
    };
}
