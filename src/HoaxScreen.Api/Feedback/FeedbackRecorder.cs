using System.Data.Common;
using HoaxScreen.Api.Errors;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Api.Options;
using HoaxScreen.Core.Feedback;
using HoaxScreen.Core.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.Feedback;

/// <summary>What storing a decision gave: the stored decision, or the refusal to answer with.</summary>
public sealed record FeedbackRecording(FeedbackDecision? Stored, ProblemHttpResult? Problem);

/// <summary>
/// The one path that stores a validated moderator's decision: scores the post with the serving model (as /v1/screen
/// does) and stores the decision with that model's version and per-label judgements. Used by <c>POST /v1/feedback</c>
/// and by the Label Studio webhook, so both store the same thing.
/// </summary>
public sealed class FeedbackRecorder(FeedbackStoreHolder feedback, ModelHolder models, IOptions<ScreeningOptions> options, ILoggerFactory loggers)
{
    // The category of the feedback routes, so their log settings cover every way a decision arrives.
    private readonly ILogger _logger = loggers.CreateLogger(typeof(FeedbackEndpoints));

    public bool Enabled => feedback.Enabled;

    /// <summary>Stores <paramref name="request"/>, which has passed <see cref="FeedbackRequestValidator"/>.</summary>
    public FeedbackRecording Record(FeedbackRequest request)
    {
        if (!feedback.Enabled)
        {
            return new(null, FeedbackProblems.Off());
        }

        var model = models.Current;
        var text = request.Text!;
        PostVerdict verdict;
        try
        {
            verdict = model.Model.Score(text, new ScoringBudget(options.Value.MaxNormalizedLength, options.Value.ExplainBudgetCharacters));
        }
        catch (ScoringBudgetException ex)
        {
            return new(null, ScoringBudgetProblems.OverBudget("text", ex));
        }

        var decision = new NewFeedback(
            text, request.Labels ?? new Dictionary<string, bool>(), request.Id, request.ClaimId, request.ClaimCorrect, request.Note);
        try
        {
            var stored = feedback.Store!.Add(decision, model.Version, verdict.Labels.ToDictionary(l => l.Label, l => new ModelJudgement(l.Score, l.Flagged)));
            _logger.FeedbackStored(stored.Id, stored.ClientId, text.Length, stored.Labels.Count, stored.Model);
            return new(stored, null);
        }
        catch (Exception ex) when (ex is DbException or FeedbackStoreException)
        {
            _logger.FeedbackStoreFailed("written", ex.Message.Split('\n')[0]);
            return new(null, FeedbackProblems.StoreUnavailable("written"));
        }
    }

    /// <summary>
    /// Deletes the stored decisions with <paramref name="clientId"/> except <paramref name="keep"/>: how a re-sent
    /// decision (a Label Studio annotation updated) replaces the earlier one. Scans the store, which holds moderators'
    /// decisions (thousands, not millions). Returns how many were deleted (the caller logs it), or null when the store failed.
    /// </summary>
    public int? DeleteEarlier(string clientId, long keep)
    {
        try
        {
            var earlier = feedback.Store!.All().Where(d => d.ClientId == clientId && d.Id != keep).Select(d => d.Id).ToList();
            return earlier.Count(feedback.Store!.Delete);
        }
        catch (Exception ex) when (ex is DbException or FeedbackStoreException)
        {
            _logger.FeedbackStoreFailed("cleaned of a replaced decision", ex.Message.Split('\n')[0]);
            return null;
        }
    }
}
