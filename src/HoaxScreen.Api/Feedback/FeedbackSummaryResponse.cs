using HoaxScreen.Core.Feedback;

namespace HoaxScreen.Api.Feedback;

/// <summary>
/// The model's agreement with its moderators on one label over some decisions: how many judged it, how many said
/// positive, how many the model had flagged, and its precision (flagged posts the moderators judged positive) and
/// recall (positive posts it had flagged); null where undefined (nothing flagged, no positive).
/// </summary>
public sealed record LabelAgreementFigures(int Decisions, int Positives, int Flagged, double? Precision, double? Recall)
{
    public static LabelAgreementFigures From(LabelAgreement? agreement) => agreement is null
        ? new(0, 0, 0, null, null)
        : new(agreement.Decisions, agreement.Positives, agreement.Flagged, agreement.Precision, agreement.Recall);
}

/// <summary>One label's figures over every stored decision, and over the last <c>days</c> days as <c>recent</c>.</summary>
public sealed record LabelFeedbackSummary(int Decisions, int Positives, int Flagged, double? Precision, double? Recall, LabelAgreementFigures Recent);

/// <summary>
/// Where the model and its moderators disagree, per label: the serving model's verdicts at the time of each decision
/// against the moderators' labels. <c>decisions</c> counts every stored decision (some judge only a claim).
/// </summary>
public sealed record FeedbackSummaryResponse(string Model, int Days, int Decisions, int RecentDecisions, IReadOnlyDictionary<string, LabelFeedbackSummary> Labels)
{
    /// <summary>The serving model's labels first, in its order (zeros when none judged yet), then any other judged label.</summary>
    public static FeedbackSummaryResponse From(FeedbackSummary summary, string model, IReadOnlyList<string> modelLabels)
    {
        var overall = summary.Overall.ToDictionary(a => a.Label);
        var recent = summary.Recent.ToDictionary(a => a.Label);
        var labels = new Dictionary<string, LabelFeedbackSummary>();
        foreach (var label in modelLabels.Concat(overall.Keys.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            var all = LabelAgreementFigures.From(overall.GetValueOrDefault(label));
            labels[label] = new LabelFeedbackSummary(
                all.Decisions, all.Positives, all.Flagged, all.Precision, all.Recall, LabelAgreementFigures.From(recent.GetValueOrDefault(label)));
        }

        return new FeedbackSummaryResponse(model, summary.Days, summary.Decisions, summary.RecentDecisions, labels);
    }
}
