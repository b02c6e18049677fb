using HoaxScreen.Api.Contracts;
using HoaxScreen.Api.Logging;

namespace HoaxScreen.Api.Modeling;

/// <summary>Turns validated requests into responses with the current model.</summary>
public sealed class PostScreener(ModelHolder holder, ILogger<PostScreener> logger)
{
    public ScreenResponse Screen(ScreenRequest request)
    {
        var model = holder.Current;
        var text = request.Text ?? string.Empty;
        var verdict = model.Score(text);
        logger.PostScreened(request.Id, text.Length, model.Version, verdict.Flagged);
        return ScreenResponse.From(request.Id, model.Version, verdict);
    }

    public BatchScreenResponse ScreenBatch(BatchScreenRequest request)
    {
        var model = holder.Current;
        var items = request.Items ?? [];
        var texts = new string[items.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = items[i].Text ?? string.Empty;
        }

        var verdicts = model.ScoreBatch(texts);
        var results = new ScreenResponse[items.Count];
        var flagged = 0;
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = ScreenResponse.From(items[i].Id, model.Version, verdicts[i]);
            flagged += results[i].Flagged ? 1 : 0;
        }

        logger.BatchScreened(results.Length, flagged, model.Version);
        return new BatchScreenResponse { Model = model.Version, Results = results };
    }
}
