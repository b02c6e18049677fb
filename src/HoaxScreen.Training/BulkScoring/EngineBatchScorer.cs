using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using Microsoft.ML;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// One pipeline scorer: scores a batch post by post with a prediction engine of its own (engines are not thread-safe),
/// giving the same verdicts as <see cref="ScoringModel.ScoreBatch"/>; with --explain, then explains the flagged posts.
/// </summary>
public sealed class EngineBatchScorer(ScoringModel model, FlaggedRowExplainer? explainer) : ScorePipeline.IBatchScorer
{
    private readonly PredictionEngine<PostInput, PostProbabilities> _engine = model.CreateEngine();
    private readonly PostProbabilities _output = new();

    public void Score(ScorePipeline.Batch batch)
    {
        var verdicts = new PostVerdict[batch.Count];
        for (var i = 0; i < verdicts.Length; i++)
        {
            verdicts[i] = model.Score(_engine, batch.Texts[i], _output);
        }

        batch.Verdicts = verdicts;
        batch.Words = explainer?.ExplainFlagged(new ArraySegment<string>(batch.Texts, 0, batch.Count), verdicts);
    }

    public void Dispose() => _engine.Dispose();
}
