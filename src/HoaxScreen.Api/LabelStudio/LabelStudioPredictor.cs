using HoaxScreen.Api.Errors;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Api.Options;
using HoaxScreen.Core.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.LabelStudio;

/// <summary>
/// <c>POST /labelstudio/predict</c>: scores each task's post with the serving model (taken once, so every prediction
/// names the same version) and pre-selects the labels it flags.
/// </summary>
public static class LabelStudioPredictor
{
    public static Results<Ok<LabelStudioPredictResponse>, ValidationProblem, ProblemHttpResult> Predict(
        LabelStudioPredictRequest request,
        ModelHolder models,
        IOptions<ScreeningOptions> screening,
        IOptions<LabelStudioOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var names = options.Value;
        var model = models.Current;
        var budget = new ScoringBudget(screening.Value.MaxNormalizedLength, screening.Value.ExplainBudgetCharacters);
        var tasks = request.Tasks!;
        var results = new LabelStudioPrediction[tasks.Count];
        var offered = LabelStudioConfigChoices.Read(request.LabelConfig, names.FromName);
        for (var i = 0; i < tasks.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                results[i] = ToPrediction(model.Model.Score(tasks[i].TextIn(names.TextField)!, budget), names, model.Version, offered);
            }
            catch (ScoringBudgetException ex)
            {
                return ScoringBudgetProblems.OverBudget($"tasks[{i}].data.{names.TextField}", ex);
            }
        }

        loggers.CreateLogger(typeof(LabelStudioPredictor)).LabelStudioPredicted(tasks.Count, model.Version);
        return TypedResults.Ok(new LabelStudioPredictResponse(results, model.Version));
    }

    /// <summary>
    /// One choices region with the flagged labels the project's config offers (<paramref name="offered"/>; null: all),
    /// its score the highest of their probabilities, and every label's probability; no region when nothing is flagged
    /// (an empty choices region is not a valid annotation). The prediction's score is the highest probability of any label.
    /// </summary>
    public static LabelStudioPrediction ToPrediction(PostVerdict verdict, LabelStudioOptions names, string version, IReadOnlySet<string>? offered = null)
    {
        // Only what the project's config offers can be pre-selected; a choice it lacks would not show.
        var flagged = verdict.Labels.Where(l => l.Flagged && (offered is null || offered.Contains(l.Label))).ToList();
        var scores = verdict.Labels.ToDictionary(l => l.Label, l => Math.Round((double)l.Score, 4));
        var result = flagged.Count == 0
            ? []
            : new[]
            {
                new LabelStudioChoicesResult(
                    names.FromName,
                    names.ToName,
                    "choices",
                    new LabelStudioChoices([.. flagged.Select(l => l.Label)]),
                    Math.Round(flagged.Max(l => (double)l.Score), 4),
                    scores),
            };
        return new LabelStudioPrediction(result, verdict.Labels.Count == 0 ? 0 : Math.Round(verdict.Labels.Max(l => (double)l.Score), 4), version);
    }
}
