using HoaxScreen.Api.Claims;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using HoaxScreen.Api.Screening;
using HoaxScreen.Api.Telemetry;
using HoaxScreen.Core.Scoring;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Modeling;

/// <summary>
/// Turns validated requests into responses with the current model, counting every scored post. Each request spends at
/// most the <c>Screening</c> budget (<see cref="ScoringBudgetException"/> otherwise) and stops between posts and between
/// explanation passes once its token is cancelled (request timeout or client gone).
/// </summary>
public sealed class PostScreener(
    ModelHolder holder, ClaimMatcherHolder claims, HoaxScreenMetrics metrics, IOptions<ScreeningOptions> options, ILogger<PostScreener> logger)
{
    private static readonly Func<LabelVerdict, bool> AllLabels = _ => true;
    private static readonly Func<LabelVerdict, bool> FlaggedLabels = label => label.Flagged;

    private readonly ScoringBudget _budget = new(options.Value.MaxNormalizedLength, options.Value.ExplainBudgetCharacters);

    /// <summary>Most known claims a result lists.</summary>
    public const int MaxKnownClaims = 3;

    public ScreenResponse Screen(ScreenRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var model = holder.Current;
        var result = request.Explain ? ScreenExplained(model, request, _budget, cancellationToken) : ScreenPlain(model, request);
        result = result.WithKnownClaims(claims.Current?.Match(request.Text ?? string.Empty, MaxKnownClaims));
        logger.PostScreened(request.Id, request.Text?.Length ?? 0, model.Version, result.Flagged);
        return result;
    }

    /// <summary>
    /// Items that ask for <c>explain</c> are explained one by one, sharing the request's explanation
    /// budget evenly; the rest are scored together, all on the request's thread (inside its concurrency permit). The model is taken once, so every result (and the batch) names the
    /// same model version.
    /// </summary>
    public BatchScreenResponse ScreenBatch(BatchScreenRequest request, CancellationToken cancellationToken = default)
    {
        var model = holder.Current;
        var items = request.Items ?? [];
        var results = new ScreenResponse[items.Count];
        var explainBudget = _budget.SharedBy(items.Count(i => i.Explain));

        var plain = new List<int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (items[i].Explain)
            {
                try
                {
                    results[i] = ScreenExplained(model, items[i], explainBudget, cancellationToken);
                }
                catch (ScoringBudgetException ex)
                {
                    throw new ScoringBudgetException(i, ex.NormalizedLength, ex.Limit);
                }
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

            IReadOnlyList<PostVerdict> verdicts;
            try
            {
                verdicts = model.Model.ScoreBatch(texts, _budget, cancellationToken);
            }
            catch (ScoringBudgetException ex)
            {
                throw new ScoringBudgetException(plain[ex.Index], ex.NormalizedLength, ex.Limit);
            }

            for (var k = 0; k < texts.Length; k++)
            {
                var i = plain[k];
                metrics.PostScreened(verdicts[k]);
                results[i] = ScreenResponse.From(items[i].Id, model.Version, verdicts[k]);
            }
        }

        if (claims.Current is { } matcher)
        {
            for (var i = 0; i < results.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[i] = results[i].WithKnownClaims(matcher.Match(items[i].Text ?? string.Empty, MaxKnownClaims));
            }
        }

        var flagged = results.Count(r => r.Flagged);
        logger.BatchScreened(results.Length, flagged, items.Count - plain.Count, model.Version);
        return new BatchScreenResponse { Model = model.Version, Results = results };
    }

    private ScreenResponse ScreenPlain(LoadedModel model, ScreenRequest request)
    {
        var verdict = model.Model.Score(request.Text ?? string.Empty, _budget);
        metrics.PostScreened(verdict);
        return ScreenResponse.From(request.Id, model.Version, verdict);
    }

    private ScreenResponse ScreenExplained(LoadedModel model, ScreenRequest request, ScoringBudget budget, CancellationToken cancellationToken)
    {
        var text = request.Text ?? string.Empty;
        var (verdict, explanations) = model.Model.Explain(
            text, request.ExplainAllLabels ? AllLabels : FlaggedLabels, request.TopWords, budget, cancellationToken);
        metrics.PostScreened(verdict);
        logger.PostExplained(request.Id, model.Version, explanations.Count, explanations.Sum(e => e.Words.Count));
        return ScreenResponse.From(request.Id, model.Version, verdict, explanations);
    }
}
