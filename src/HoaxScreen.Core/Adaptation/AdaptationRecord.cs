namespace HoaxScreen.Core.Adaptation;

/// <summary>
/// adaptation.json in an adapted bundle (sealed with its other files): the base it came from, the feedback it was fitted
/// on (path, rows, SHA-256) and, per label, the method or why the base was kept, with the cross-validated estimates.
/// </summary>
public sealed record AdaptationRecord(
    string BaseVersion,
    DateTimeOffset BaseCreatedAt,
    string Feedback,
    string FeedbackSha256,
    int FeedbackPosts,
    string Method,
    int Folds,
    int MinimumPositives,
    double Seconds,
    IReadOnlyList<LabelAdaptation> Labels)
{
    public const string FileName = "adaptation.json";
}
