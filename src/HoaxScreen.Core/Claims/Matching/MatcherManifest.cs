namespace HoaxScreen.Core.Claims.Matching;

/// <summary>
/// matcher.json of a trained matcher folder (beside <c>decider.zip</c>): how many candidates to retrieve, the features
/// the decider reads, the thresholds of its two tiers and what cross-validation measured.
/// </summary>
public sealed record MatcherManifest
{
    public const string FileName = "matcher.json";
    public const string DeciderFile = "decider.zip";
    public const int CurrentFormat = 2;

    public int Format { get; init; } = CurrentFormat;

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The classifier bundle whose normaliser the decider was trained with.</summary>
    public required string NormalizerFromBundle { get; init; }

    public required int Candidates { get; init; }

    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>At or above this probability the best candidate is a <c>match</c>.</summary>
    public required double MatchThreshold { get; init; }

    /// <summary>At or above this probability (and below the match threshold) it is a <c>suggest</c>ion.</summary>
    public required double SuggestThreshold { get; init; }

    /// <summary>Posts with fewer words are never matched automatically (at most suggested).</summary>
    public required int MinWordsToMatch { get; init; }

    /// <summary>Out-of-fold figures, as the trainer wrote them.</summary>
    public System.Text.Json.Nodes.JsonObject? CrossValidation { get; init; }

    public IReadOnlyList<TrainedOnFile> TrainedOn { get; init; } = [];
}

/// <summary>A file the matcher was trained on, with its SHA-256.</summary>
public sealed record TrainedOnFile(string Path, string Sha256);
