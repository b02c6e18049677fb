using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// <c>score --claims DB [--matcher DIR]</c>: the fact-check store's claims at one revision and the trained matcher
/// over them, built with the scoring model's normaliser so each post is normalised once for both. Thread-safe (the
/// matcher reads its decider's trees directly), so every pipeline scorer matches its own batches.
/// </summary>
public sealed class BulkClaims
{
    private BulkClaims(ClaimMatcher? matcher, ClaimsFingerprint fingerprint)
    {
        Matcher = matcher;
        Fingerprint = fingerprint;
    }

    /// <summary>Null when the store holds no claims: every row is then <c>none</c>.</summary>
    public ClaimMatcher? Matcher { get; }

    /// <summary>What a checkpoint records of the claims and matcher, so a resume continues only with the same ones.</summary>
    public ClaimsFingerprint Fingerprint { get; }

    /// <summary>
    /// Opens the store at <paramref name="db"/> (which must exist: scoring never creates one) and loads the matcher
    /// folder (<see cref="ResolveMatcher"/>) over its claims.
    /// </summary>
    public static BulkClaims Open(string db, string? matcherOption, ScoringModel model, TextWriter stderr)
    {
        var path = Path.GetFullPath(db);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no claims store there (--claims; create one with claims import)");
        }

        var snapshot = ClaimStore.Open(path).Snapshot();
        var folder = ResolveMatcher(matcherOption, model.Directory);

        // Loaded even over no claims, so a bad matcher folder is reported whatever the store holds.
        var matcher = ClaimMatcher.Load(folder, snapshot.Claims, model.Normalizer);
        if (snapshot.Claims.Count == 0)
        {
            stderr.WriteLine($"[score] warning: the claims store {path} holds no claims; every row's claim_decision will be none");
        }

        var fingerprint = ClaimsFingerprint.Of(path, snapshot, folder);
        return new BulkClaims(snapshot.Claims.Count == 0 ? null : matcher, fingerprint);
    }

    /// <summary>
    /// The matcher folder: <paramref name="given"/> when set; else <c>claims</c> beside the model bundle (so
    /// <c>--model models/default</c> finds <c>models/claims</c> from any working directory), else <c>models/claims</c>
    /// under the working directory, as <c>claims search</c> defaults.
    /// </summary>
    public static string ResolveMatcher(string? given, string modelDirectory)
    {
        if (given is not null)
        {
            return Path.GetFullPath(given);
        }

        var beside = Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(modelDirectory)) ?? ".", "claims");
        var underWorkingDirectory = Path.GetFullPath(Path.Combine("models", "claims"));
        foreach (var folder in new[] { beside, underWorkingDirectory })
        {
            if (File.Exists(Path.Combine(folder, MatcherManifest.FileName)))
            {
                return folder;
            }
        }

        throw new ModelBundleException($"no trained claim matcher in {beside} or {underWorkingDirectory}; give its folder with --matcher");
    }

    /// <summary>The post's best candidate claim (whatever its decision), or null when none was retrieved.</summary>
    public ClaimMatch? Best(string normalizedPost)
    {
        if (Matcher is null)
        {
            return null;
        }

        var candidates = Matcher.CandidatesNormalized(normalizedPost);
        return candidates.Count > 0 ? candidates[0] : null;
    }

    /// <summary>
    /// The overall flag of a row: a label flagged, or (as <c>/v1/screen</c> decides) a <c>match</c> with a debunk whose
    /// rating is false or misleading.
    /// </summary>
    public static bool Flagged(PostVerdict verdict, ClaimMatch? best) =>
        verdict.Flagged || best is { FlagsThePost: true };

    /// <summary>A decision as the output writes it: match, suggest or none.</summary>
    public static string DecisionName(ClaimDecision? decision) => decision switch
    {
        ClaimDecision.Match => "match",
        ClaimDecision.Suggest => "suggest",
        _ => "none",
    };
}
