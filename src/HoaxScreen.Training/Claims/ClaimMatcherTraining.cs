using HoaxScreen.Core.Claims;
using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Text;
using Microsoft.ML;

namespace HoaxScreen.Training.Claims;

/// <summary>What cross-validation of the match decider measured on the training pairs (out of fold, by post).</summary>
public sealed record MatcherCrossValidation(
    int Folds,
    int RepeatPosts,
    int OtherPosts,
    double RetrievedAtTen,
    double SuccessAtOne,
    double MatchThreshold,
    double MatchPrecision,
    double MatchRecall,
    double SuggestThreshold,
    double SuggestPrecision,
    double SuggestRecall,
    double SuggestedUnrelatedShare,
    int ShortRepeatPosts,
    int FalseMatchesOnRelated,
    int RelatedPosts,
    int FalseMatchesOnUnrelated,
    int UnrelatedPosts);

/// <summary>A fitted decider with the thresholds of its two tiers, chosen on out-of-fold scores.</summary>
public sealed record TrainedMatcher(ITransformer Decider, DataViewSchema Schema, MatcherCrossValidation CrossValidation);

/// <summary>
/// Trains known-hoax matching from team-written data: claims in the canonical claims CSV, posts in a pairs CSV
/// (<c>post,claim_id,kind</c>; kind repeat, related or unrelated). Posts and claims go through the classifier bundle's
/// normaliser; each post's BM25 candidates become decider rows; thresholds come from out-of-fold probabilities
/// (folds by claim, so no post is judged by a decider that saw another post of its claim), then the decider is refitted
/// on every row.
/// </summary>
public static class ClaimMatcherTraining
{
    /// <summary>The precision the automatic <c>match</c> tier is held to.</summary>
    public const double MatchPrecision = 0.95;

    /// <summary>The precision of <c>suggest</c>, which a moderator confirms.</summary>
    public const double SuggestPrecision = 0.6;

    /// <summary>
    /// The most of the posts that repeat no claim (kind unrelated) the <c>suggest</c> tier may touch. Precision alone
    /// depends on how many posts repeat a claim, half of the training pairs but few in a real feed: without this bound a
    /// suggestion landed on half of ordinary posts.
    /// </summary>
    public const double MaxSuggestedUnrelatedShare = 0.02;

    public static (List<FactCheck> Claims, List<(string Post, string? ClaimId, string Kind)> Pairs) Read(string claimsCsv, string pairsCsv)
    {
        var claims = ClaimImport.Load(claimsCsv, ClaimFormat.Csv).Claims.ToList();
        var ids = claims.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        using var reader = CsvRecordReader.Open(pairsCsv);
        var header = reader.ReadRecord() ?? throw new DataFormatException($"{pairsCsv}: empty file");
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0
            ? i
            : throw new DataFormatException($"{pairsCsv}: no '{name}' column (expected post,claim_id,kind)");
        var (post, claim, kind) = (Column("post"), Column("claim_id"), Column("kind"));
        var pairs = new List<(string, string?, string)>();
        while (reader.ReadRecord() is { } record)
        {
            var claimId = string.IsNullOrWhiteSpace(record[claim]) ? null : record[claim].Trim();
            if (claimId is not null && !ids.Contains(claimId))
            {
                throw new DataFormatException($"{pairsCsv}: line {reader.RecordLine}: claim_id '{claimId}' is not in {claimsCsv}");
            }

            pairs.Add((record[post], claimId, record[kind].Trim()));
        }

        return (claims, pairs);
    }

    public static TrainedMatcher Train(
        IReadOnlyList<FactCheck> claims,
        IReadOnlyList<(string Post, string? ClaimId, string Kind)> pairs,
        TextNormalizer normalizer,
        int folds,
        Action<string> progress)
    {
        var normalizedClaims = claims.Select(c => normalizer.Normalize(c.Claim)).ToList();
        var index = Bm25ClaimIndex.Build([.. claims.Select((c, i) => (c.Id, normalizedClaims[i]))]);
        // Only repeats teach "this is the claim"; related and unrelated posts have no claim to find.
        var posts = pairs.Select(p => new DeciderPost(normalizer.Normalize(p.Post), p.Kind == "repeat" ? p.ClaimId : null)).ToList();
        var rows = ClaimDeciderTrainer.Rows(index, normalizedClaims, posts);
        progress($"{claims.Count} claims, {posts.Count} posts, {rows.Count} candidate rows; {folds}-fold cross-validation");

        var ml = new MLContext(seed: 1);
        var foldOfPost = pairs.Select((p, i) => FoldOf(p.ClaimId, i, folds)).ToArray();
        var outOfFold = ClaimDeciderTrainer.OutOfFold(ml, rows, folds, post => foldOfPost[post]);
        var decisions = ClaimDecisions.Of(rows, outOfFold, posts);

        // Serving never matches a post under MinWordsToMatch words, so the match threshold is chosen on the decisions it
        // can make: a short post counts as undecided (and a repeat among them as a miss of recall).
        var isShort = posts.Select(p => p.NormalizedText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < MatcherFolder.MinWordsToMatch).ToArray();
        var matchDecisions = decisions.Select((d, i) => isShort[i] ? d with { Probability = 0f } : d).ToList();
        var match = ClaimDecisions.Threshold(matchDecisions, MatchPrecision);
        var unrelated = Enumerable.Range(0, posts.Count).Where(p => pairs[p].Kind == "unrelated").Select(p => (double)decisions[p].Probability).ToList();
        var suggest = Math.Min(match, Math.Max(
            ClaimDecisions.Threshold(decisions, SuggestPrecision), ClaimDecisions.ThresholdAbove(unrelated, MaxSuggestedUnrelatedShare)));
        var (matchP, matchR, _) = ClaimDecisions.At(matchDecisions, match);
        var (suggestP, suggestR, _) = ClaimDecisions.At(decisions, suggest);

        var repeats = Enumerable.Range(0, posts.Count).Where(p => posts[p].ClaimId is not null).ToList();
        var retrieved = repeats.Count(p => rows.Any(r => r.Post == p && r.Label));
        var successAtOne = repeats.Count(p => decisions[p].Correct);
        int FalseMatches(string kind) => Enumerable.Range(0, posts.Count)
            .Count(p => pairs[p].Kind == kind && matchDecisions[p].Probability >= match && matchDecisions[p].Probability > 0);

        var crossValidation = new MatcherCrossValidation(
            folds, repeats.Count, posts.Count - repeats.Count,
            repeats.Count == 0 ? 0 : retrieved / (double)repeats.Count,
            repeats.Count == 0 ? 0 : successAtOne / (double)repeats.Count,
            match, matchP, matchR, suggest, suggestP, suggestR,
            unrelated.Count == 0 ? 0 : unrelated.Count(p => p >= suggest && p > 0) / (double)unrelated.Count,
            repeats.Count(p => isShort[p]),
            FalseMatches("related"), pairs.Count(p => p.Kind == "related"),
            FalseMatches("unrelated"), pairs.Count(p => p.Kind == "unrelated"));
        progress("refitting on every row");
        var decider = ClaimDeciderTrainer.Fit(ml, rows);
        return new TrainedMatcher(decider, ml.Data.LoadFromEnumerable(rows).Schema, crossValidation);
    }

    /// <summary>
    /// A post's fold: by the claim it is written about (repeats and related posts of one claim stay together), else by
    /// its position; a stable hash, so the same data gives the same folds on every run.
    /// </summary>
    public static int FoldOf(string? claimId, int post, int folds)
    {
        if (claimId is null)
        {
            return post % folds;
        }

        var hash = 2166136261u;
        foreach (var c in claimId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)folds);
    }
}
