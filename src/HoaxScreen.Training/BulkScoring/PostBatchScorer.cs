using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Core.TermLists;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// Scores a batch of the score pipeline through the scoring seam (the verdicts of <see cref="IPostScorer.ScoreBatch"/>);
/// with --claims, matches each post against the known claims from the same normalised text (one normalisation per post
/// for both); with --termlists, finds each post's listed terms as the service does (the term matcher's own normaliser,
/// see <see cref="BulkTermLists.Match"/>); with --explain, then explains the flagged posts. Thread-safe: every scorer
/// thread shares one.
/// </summary>
public sealed class PostBatchScorer(IPostScorer model, FlaggedRowExplainer? explainer, BulkClaims? claims = null, BulkTermLists? termLists = null)
{
    public void Score(ScorePipeline.Batch batch)
    {
        var verdicts = new PostVerdict[batch.Count];
        var best = new ClaimMatch?[claims is null ? 0 : batch.Count];
        var terms = new IReadOnlyList<TermMatch>[termLists is null ? 0 : batch.Count];
        for (var i = 0; i < verdicts.Length; i++)
        {
            var normalized = model.Normalizer.Normalize(batch.Texts[i]);
            verdicts[i] = model.ScoreNormalized(normalized);
            if (claims is not null)
            {
                best[i] = claims.Best(normalized);
            }

            if (termLists is not null)
            {
                terms[i] = termLists.Match(batch.Texts[i]);
            }
        }

        batch.Verdicts = verdicts;
        batch.Claims = claims is null ? null : best;
        batch.TermMatches = termLists is null ? null : terms;
        batch.Words = explainer?.ExplainFlagged(new ArraySegment<string>(batch.Texts, 0, batch.Count), verdicts);
    }
}
