using HoaxScreen.Api.Claims;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Options;
using HoaxScreen.Api.Risks;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Api.Telemetry;
using HoaxScreen.Api.TermLists;
using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Scoring;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Screening;

/// <summary>
/// Turns validated requests into responses with the current model, counting every scored post. Each request spends at
/// most the <c>Screening</c> budget (<see cref="ScoringBudgetException"/> otherwise) and stops between posts and between
/// explanation passes once its token is cancelled (request timeout or client gone).
/// </summary>
public sealed class PostScreener(
    ModelHolder holder, ClaimMatcherHolder claims, TermListMatcherHolder termLists, RiskRulesHolder risks, HoaxScreenMetrics metrics, IOptions<ScreeningOptions> options, ILogger<PostScreener> logger)
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
        var matcher = claims.Current;
        var result = request.Explain
            ? ScreenExplained(model, request, _budget, cancellationToken).WithKnownClaims(matcher?.Match(request.Text ?? string.Empty, MaxKnownClaims))
            : ScreenPlain(model, matcher, request);
        result = result.WithTermMatches(termLists.Current?.Match(request.Text ?? string.Empty));
        result = result.WithRisks(risks.Rules.Evaluate(result.RiskFacts(request.Author?.Role, request.Context?.Action)));
        logger.PostScreened(request.Id, request.Text?.Length ?? 0, model.Version, result.Flagged);
        return result;
    }

    /// <summary>
    /// Items that ask for <c>explain</c> are explained one by one, sharing the request's explanation budget evenly; the
    /// rest are scored one after another, each normalised once for scoring and known-claim matching. All of it runs on
    /// the request's thread, inside its concurrency permit. The model is taken once, so every result (and the batch)
    /// names the same model version.
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

        var matcher = claims.Current;
        foreach (var i in plain)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = items[i].Text ?? string.Empty;
            string normalized;
            try
            {
                normalized = model.Model.Normalize(text, _budget);
            }
            catch (ScoringBudgetException ex)
            {
                throw new ScoringBudgetException(i, ex.NormalizedLength, ex.Limit);
            }

            var verdict = model.Model.ScoreNormalized(normalized);
            metrics.PostScreened(verdict);
            results[i] = ScreenResponse.From(items[i].Id, model.Version, verdict).WithKnownClaims(KnownClaims(model, matcher, text, normalized));
        }

        if (matcher is not null)
        {
            for (var i = 0; i < results.Length; i++)
            {
                if (items[i].Explain)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    results[i] = results[i].WithKnownClaims(matcher.Match(items[i].Text ?? string.Empty, MaxKnownClaims));
                }
            }
        }

        if (termLists.Current is { } terms)
        {
            for (var i = 0; i < results.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[i] = results[i].WithTermMatches(terms.Match(items[i].Text ?? string.Empty));
            }
        }

        for (var i = 0; i < results.Length; i++)
        {
            results[i] = results[i].WithRisks(risks.Rules.Evaluate(results[i].RiskFacts(items[i].Author?.Role, items[i].Context?.Action)));
        }

        var flagged = results.Count(r => r.Flagged);
        logger.BatchScreened(results.Length, flagged, items.Count - plain.Count, model.Version);
        return new BatchScreenResponse { Model = model.Version, Results = results };
    }

    private ScreenResponse ScreenPlain(LoadedModel model, ClaimMatcher? matcher, ScreenRequest request)
    {
        var text = request.Text ?? string.Empty;
        var normalized = model.Model.Normalize(text, _budget);
        var verdict = model.Model.ScoreNormalized(normalized);
        metrics.PostScreened(verdict);
        return ScreenResponse.From(request.Id, model.Version, verdict).WithKnownClaims(KnownClaims(model, matcher, text, normalized));
    }

    // The matcher built for this model shares its normaliser: it matches the text scoring just normalised (one pass).
    // Across a reload the two may briefly differ; then the matcher normalises with its own.
    private static IReadOnlyList<ClaimMatch>? KnownClaims(LoadedModel model, ClaimMatcher? matcher, string text, string normalized) =>
        matcher is null ? null
        : ReferenceEquals(matcher.Normalizer, model.Model.Normalizer) ? matcher.MatchNormalized(normalized, MaxKnownClaims)
        : matcher.Match(text, MaxKnownClaims);

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
