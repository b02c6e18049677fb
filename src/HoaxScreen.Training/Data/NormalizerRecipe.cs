using HoaxScreen.Core.Text;

namespace HoaxScreen.Training.Data;

/// <summary>
/// The normaliser part of a recipe: which rules run and which lexicon files feed them. Paths are relative to
/// the recipe file; the files are merged and copied into the bundle, so serving needs none of them.
/// </summary>
public sealed record NormalizerRecipe
{
    public NormalizerSettings Settings { get; init; } = NormalizerSettings.Default;

    /// <summary>informal,formal CSV files (e.g. data/lexicons/slang.csv, or new_kamusalay.csv with header false).</summary>
    public IReadOnlyList<SlangSource> Slang { get; init; } = [];

    /// <summary>One-word-per-line files of words that disguised spellings are resolved towards.</summary>
    public IReadOnlyList<string> Watchwords { get; init; } = [];

    /// <summary>Words seen at least this often in the training texts join the vocabulary used to choose repairs.</summary>
    public int VocabularyMinCount { get; init; } = 3;

    public static NormalizerRecipe Default { get; } = new();
}

/// <summary>A slang lexicon file.</summary>
public sealed record SlangSource
{
    public required string Path { get; init; }

    /// <summary>Whether the first row is a header (true for HoaxScreen's own files).</summary>
    public bool Header { get; init; } = true;
}
