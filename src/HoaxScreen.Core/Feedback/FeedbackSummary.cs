namespace HoaxScreen.Core.Feedback;

/// <summary>
/// How the serving model's verdicts at the time agree with the moderators' decisions on one label: decisions that
/// judged it, how many said positive, and the model's precision and recall against them (null where undefined: no
/// post flagged, or no positive decision).
/// </summary>
public sealed record LabelAgreement(string Label, int Decisions, int Positives, int Flagged, int FlaggedPositives)
{
    public double? Precision => Flagged == 0 ? null : (double)FlaggedPositives / Flagged;

    public double? Recall => Positives == 0 ? null : (double)FlaggedPositives / Positives;
}

/// <summary>Per label, agreement over every stored decision and over those received in the last <see cref="Days"/> days.</summary>
public sealed record FeedbackSummary(int Decisions, IReadOnlyList<LabelAgreement> Overall, int Days, int RecentDecisions, IReadOnlyList<LabelAgreement> Recent);
