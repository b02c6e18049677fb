using System.Text.Json;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Text;
using Microsoft.ML;

namespace HoaxScreen.Core.Claims.Matching;

/// <summary>
/// Known-hoax matching for serving: a trained matcher folder (decider and thresholds) over a set of fact-checks.
/// A post is normalised, its BM25 candidates scored by the decider, and each candidate gets a calibrated probability
/// and a decision: <c>match</c> at or above the match threshold (never for posts under the minimum word count),
/// <c>suggest</c> at or above the suggest threshold. Immutable and thread-safe (the decider's trees are read directly, with no prediction engine); a change
/// of claims is a new instance.
/// </summary>
public sealed class ClaimMatcher
{
    private readonly Bm25ClaimIndex _index;
    private readonly IReadOnlyList<FactCheck> _claims;
    private readonly string[] _normalizedClaims;
    private readonly ClaimFeatureTable _features;
    private readonly TreeEnsembleDecider _trees;

    private ClaimMatcher(MatcherManifest manifest, TreeEnsembleDecider trees, IReadOnlyList<FactCheck> claims, TextNormalizer normalizer)
    {
        Manifest = manifest;
        _trees = trees;
        _claims = claims;
        Normalizer = normalizer;
        _normalizedClaims = [.. claims.Select(c => normalizer.Normalize(c.Claim))];
        _index = Bm25ClaimIndex.Build([.. claims.Select((c, i) => (c.Id, _normalizedClaims[i]))]);
        _features = new ClaimFeatureTable(_index, _normalizedClaims);
    }

    public MatcherManifest Manifest { get; }

    public TextNormalizer Normalizer { get; }

    /// <summary>How many claims are matched against.</summary>
    public int Count => _claims.Count;

    /// <summary>Loads a matcher folder (matcher.json, decider.zip) over <paramref name="claims"/>.</summary>
    public static ClaimMatcher Load(string directory, IReadOnlyList<FactCheck> claims, TextNormalizer normalizer)
    {
        var manifestPath = Path.Combine(directory, MatcherManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            throw new ModelBundleException($"{directory}: not a matcher folder (no {MatcherManifest.FileName})");
        }

        MatcherManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<MatcherManifest>(File.ReadAllText(manifestPath), JsonDefaults.Options)
                ?? throw new ModelBundleException($"{manifestPath}: empty manifest");
        }
        catch (JsonException ex)
        {
            throw new ModelBundleException($"{manifestPath}: unreadable matcher manifest ({ex.Message.Split('\n')[0]})", ex);
        }

        if (manifest.Format != MatcherManifest.CurrentFormat || !manifest.Features.SequenceEqual(PairFeatures.Names))
        {
            throw new ModelBundleException(
                $"{manifestPath}: the matcher was trained with other features or format {manifest.Format}; retrain it with claims train");
        }

        var ml = new MLContext(seed: 1);
        ITransformer decider;
        try
        {
            decider = ml.Model.Load(Path.Combine(directory, MatcherManifest.DeciderFile), out _);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException or InvalidDataException or ArgumentException)
        {
            throw new ModelBundleException($"{directory}: {MatcherManifest.DeciderFile} is not a readable decider ({ex.Message.Split('\n')[0]})", ex);
        }

        // Serving reads the decider's trees directly (no prediction engine); a decider of another kind is refused here.
        var trees = TreeEnsembleDecider.TryCreate(decider)
            ?? throw new ModelBundleException($"{directory}: {MatcherManifest.DeciderFile} is not a FastTree decider of numerical splits; retrain it with claims train");
        if (trees.FeatureCount > PairFeatures.Count)
        {
            throw new ModelBundleException($"{directory}: the decider reads {trees.FeatureCount} features; a pair has {PairFeatures.Count}");
        }

        return new ClaimMatcher(manifest, trees, claims, normalizer);
    }

    /// <summary>The claims a post may repeat at <c>suggest</c> or above, best first, at most <paramref name="top"/>.</summary>
    public IReadOnlyList<ClaimMatch> Match(string text, int top = 3) => MatchNormalized(Normalizer.Normalize(text), top);

    /// <summary>As <see cref="Match"/> for a post already through <see cref="Normalizer"/> (callers that scored it keep one pass).</summary>
    public IReadOnlyList<ClaimMatch> MatchNormalized(string normalizedPost, int top = 3) =>
        [.. CandidatesNormalized(normalizedPost).Where(m => m.Decision != ClaimDecision.None).Take(top)];

    /// <summary>Every retrieved candidate with its probability and decision, most probable first.</summary>
    public IReadOnlyList<ClaimMatch> Candidates(string text) => CandidatesNormalized(Normalizer.Normalize(text));

    /// <summary>As <see cref="Candidates"/> for a post already through <see cref="Normalizer"/>.</summary>
    public IReadOnlyList<ClaimMatch> CandidatesNormalized(string normalizedPost)
    {
        var post = normalizedPost;
        var candidates = _index.Search(post, Manifest.Candidates);
        if (candidates.Count == 0)
        {
            return [];
        }

        // The features of every candidate from the post taken apart once, then the decider's trees read directly
        // (the same probabilities as its ML.NET engine; tested).
        _features.SetPost(post);
        var words = PostWordCount(post);
        var count = candidates.Count;
        Span<float> rows = count <= 32 ? stackalloc float[PairFeatures.Count * count] : new float[PairFeatures.Count * count];
        Span<float> probabilities = count <= 32 ? stackalloc float[count] : new float[count];
        _features.Compute(candidates, rows);

        _trees.Probabilities(rows, PairFeatures.Count, probabilities);

        var matches = new List<ClaimMatch>(count);
        for (var rank = 0; rank < count; rank++)
        {
            // Pair features are finite by construction; a NaN (which the trees do not route) is no evidence of a match.
            var probability = float.IsNaN(probabilities[rank]) ? 0f : probabilities[rank];

            matches.Add(new ClaimMatch(_claims[candidates[rank].Index], probability, Decide(probability, words)));
        }

        // Only the most probable candidate can be a match: the thresholds were chosen on each post's best candidate.
        var ordered = matches.OrderByDescending(m => m.Score).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Decision == ClaimDecision.Match)
            {
                ordered[i] = ordered[i] with { Decision = ClaimDecision.Suggest };
            }
        }

        return ordered;
    }

    private static int PostWordCount(string post)
    {
        var words = 0;
        foreach (var range in post.AsSpan().Split(' '))
        {
            if (!post.AsSpan(range).IsEmpty)
            {
                words++;
            }
        }

        return words;
    }

    private ClaimDecision Decide(float probability, int words) =>
        probability >= Manifest.MatchThreshold && words >= Manifest.MinWordsToMatch ? ClaimDecision.Match
        : probability >= Manifest.SuggestThreshold ? ClaimDecision.Suggest
        : ClaimDecision.None;
}
