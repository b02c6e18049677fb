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

    /// <summary>Posts shorter than this many words are never matched automatically (at most suggested).</summary>
    public const int MinWordsToMatch = 8;

    public static void Write(string directory, TrainedMatcher trained, string normalizerBundle, string claimsCsv, string pairsCsv)
    {
        Directory.CreateDirectory(directory);
        new MLContext(seed: 1).Model.Save(trained.Decider, trained.Schema, Path.Combine(directory, MatcherManifest.DeciderFile));
        var manifest = new MatcherManifest
        {
            CreatedAt = DateTimeOffset.UtcNow,
            NormalizerFromBundle = normalizerBundle,
            Candidates = ClaimDeciderTrainer.Candidates,
            Features = PairFeatures.Names,
            MatchThreshold = trained.CrossValidation.MatchThreshold,
            SuggestThreshold = trained.CrossValidation.SuggestThreshold,
            MinWordsToMatch = MinWordsToMatch,
            CrossValidation = JsonSerializer.SerializeToNode(trained.CrossValidation, JsonDefaults.Options)!.AsObject(),
            TrainedOn =
            [
                new TrainedOnFile(Path.GetFileName(claimsCsv), FileHash.Sha256Of(claimsCsv)),
                new TrainedOnFile(Path.GetFileName(pairsCsv), FileHash.Sha256Of(pairsCsv)),
            ],
        };
        File.WriteAllText(Path.Combine(directory, MatcherManifest.FileName), JsonSerializer.Serialize(manifest, JsonDefaults.Options) + "\n");
    }
}
