using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using Microsoft.ML;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// One pipeline scorer: scores a batch post by post with a prediction engine of its own (engines are not thread-safe),
/// giving the same verdicts as <see cref="ScoringModel.ScoreBatch"/>; with --claims, matches each post against the
/// known claims from the same normalised text (one normalisation per post for both); with --explain, then explains the
/// flagged posts.
/// </summary>
public sealed class EngineBatchScorer(ScoringModel model, FlaggedRowExplainer? explainer, BulkClaims? claims = null) : ScorePipeline.IBatchScorer
{
    private readonly PredictionEngine<PostInput, PostProbabilities> _engine = model.CreateEngine();
    private readonly PostProbabilities _output = new();

    public void Score(ScorePipeline.Batch batch)
    {
        var verdicts = new PostVerdict[batch.Count];
        var best = new ClaimMatch?[claims is null ? 0 : batch.Count];
        for (var i = 0; i < verdicts.Length; i++)
        {
            var normalized = model.Normalizer.Normalize(batch.Texts[i]);
            verdicts[i] = model.ScoreNormalized(_engine, normalized, _output);
            if (claims is not null)
            {
                best[i] = claims.Best(normalized);
            }
        }

        batch.Verdicts = verdicts;
        batch.Claims = claims is null ? null : best;
        batch.Words = explainer?.ExplainFlagged(new ArraySegment<string>(batch.Texts, 0, batch.Count), verdicts);
    }

    public void Dispose() => _engine.Dispose();
}
