using System.Text.Json;
using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Data;
using Microsoft.ML;

namespace HoaxScreen.Training.Claims;

/// <summary>
/// A trained matcher on disk: <c>decider.zip</c> (the ML.NET decider) and <c>matcher.json</c> (thresholds, features,
/// cross-validation, what it was trained on and with which classifier bundle's normaliser).
/// </summary>
public static class MatcherFolder
{
    public const string DeciderFile = "decider.zip";
    public const string ManifestFile = "matcher.json";

    /// <summary>Posts shorter than this many words are never matched automatically (at most suggested).</summary>
    public const int MinWordsToMatch = 8;

    public static void Write(string directory, TrainedMatcher trained, string normalizerBundle, string claimsCsv, string pairsCsv)
    {
        Directory.CreateDirectory(directory);
        new MLContext(seed: 1).Model.Save(trained.Decider, trained.Schema, Path.Combine(directory, DeciderFile));
        var cv = trained.CrossValidation;
        var manifest = new
        {
            format = 1,
            createdAt = DateTimeOffset.UtcNow,
            normalizerFromBundle = normalizerBundle,
            candidates = ClaimDeciderTrainer.Candidates,
            features = PairFeatures.Names,
            matchThreshold = cv.MatchThreshold,
            suggestThreshold = cv.SuggestThreshold,
            minWordsToMatch = MinWordsToMatch,
            crossValidation = cv,
            trainedOn = new[]
            {
                new { path = Path.GetFileName(claimsCsv), sha256 = LabelledDataset.Sha256Of(claimsCsv) },
                new { path = Path.GetFileName(pairsCsv), sha256 = LabelledDataset.Sha256Of(pairsCsv) },
            },
        };
        File.WriteAllText(Path.Combine(directory, ManifestFile), JsonSerializer.Serialize(manifest, JsonDefaults.Options) + "\n");
    }
}
