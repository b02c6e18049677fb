namespace HoaxScreen.Api.Options;

/// <summary>The moderators' feedback store (configuration section <c>Feedback</c>): off unless <see cref="Path"/> names a store
/// or <c>ConnectionStrings:HoaxScreen</c> names the shared database (<see cref="DatabaseOptions"/>).</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    /// <summary>
    /// The feedback store (SQLite); a relative path resolves against the content root, and a missing file is created
    /// empty. Several replicas may share one file. Absent: the feedback routes answer 404 saying to set it.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Days a decision is kept; older ones are deleted at start-up and every hour.</summary>
    public int RetentionDays { get; set; } = 365;

    public bool Enabled => !string.IsNullOrWhiteSpace(Path);
}
