using HoaxScreen.Api.Contracts;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Telemetry;
using HoaxScreen.Core.Scoring;

namespace HoaxScreen.Api.Modeling;

/// <summary>Turns validated requests into responses with the current model, counting every scored post.</summary>
public sealed class PostScreener(ModelHolder holder, HoaxScreenMetrics metrics, ILogger<PostScreener> logger)
{
    private static readonly Func<LabelVerdict, bool> AllLabels = _ => true;
    private static readonly Func<LabelVerdict, bool> FlaggedLabels = label => label.Flagged;

    public ScreenResponse Screen(ScreenRequest request)
    {
        var model = holder.Current;
        var result = request.Explain ? ScreenExplained(model, request) : ScreenPlain(model, request);
        logger.PostScreened(request.Id, request.Text?.Length ?? 0, model.Version, result.Flagged);
        return result;
    }

    /// <summary>
    /// Items that ask for <c>explain</c> are explained one by one with pooled engines; the rest are scored together with
    /// one transform. The model is taken once, so every result (and the batch) names the same model version.
    /// </summary>
    public BatchScreenResponse ScreenBatch(BatchScreenRequest request)
    {
        var model = holder.Current;
        var items = request.Items ?? [];
        var results = new ScreenResponse[items.Count];

        var plain = new List<int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Explain)
            {
                results[i] = ScreenExplained(model, items[i]);
            }
            else
            {
                plain.Add(i);
            }
        }

        if (plain.Count > 0)
        {
            var texts = new string[plain.Count];
            for (var k = 0; k < texts.Length; k++)
            {
                texts[k] = items[plain[k]].Text ?? string.Empty;
            }

            var verdicts = model.ScoreBatch(texts);
            for (var k = 0; k < texts.Length; k++)
            {
                var i = plain[k];
                metrics.PostScreened(verdicts[k]);
                results[i] = ScreenResponse.From(items[i].Id, model.Version, verdicts[k]);
            }
        }

        var flagged = results.Count(r => r.Flagged);
        logger.BatchScreened(results.Length, flagged, items.Count - plain.Count, model.Version);
        return new BatchScreenResponse { Model = model.Version, Results = results };
    }

    private ScreenResponse ScreenPlain(LoadedModel model, ScreenRequest request)
    {
        var verdict = model.Score(request.Text ?? string.Empty);
        metrics.PostScreened(verdict);
        return ScreenResponse.From(request.Id, model.Version, verdict);
    }

    private ScreenResponse ScreenExplained(LoadedModel model, ScreenRequest request)
    {
        var text = request.Text ?? string.Empty;
        var (verdict, explanations) = model.Explain(text, request.ExplainAllLabels ? AllLabels : FlaggedLabels, request.TopWords);
        metrics.PostScreened(verdict);
        logger.PostExplained(request.Id, model.Version, explanations.Count, explanations.Sum(e => e.Words.Count));
        return ScreenResponse.From(request.Id, model.Version, verdict, explanations);
    }
}
