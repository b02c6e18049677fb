namespace HoaxScreen.Api.Adaptation;

/// <summary>An adaptation job as it stands (jobs are kept in memory: a restart of this replica forgets them).</summary>
public sealed record AdaptJobResponse
{
    /// <example>3f9c2a71d04e</example>
    public required string Job { get; init; }

    /// <summary>queued, running, succeeded, failed or kept-base.</summary>
    /// <example>succeeded</example>
    public required string Status { get; init; }

    /// <summary>The method asked for.</summary>
    /// <example>local</example>
    public required string Method { get; init; }

    /// <summary>The folder under <c>Model:ReloadRoot</c> the adapted bundle goes to.</summary>
    /// <example>adapted-20261206-190102-3f9c2a</example>
    public required string OutFolder { get; init; }

    /// <summary>What the job has done so far, oldest first (counts and label names, never a post's text).</summary>
    public required IReadOnlyList<string> Progress { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The model that was serving when the job started: the one it adapted and the one revert goes back to.</summary>
    /// <example>20261201-101500-4be1c2aa</example>
    public required string BaseVersion { get; init; }

    /// <summary>The adapted bundle's version, once written.</summary>
    public string? NewVersion { get; init; }

    /// <summary>Per label of the base, what was done, once the fit is over.</summary>
    public IReadOnlyList<AdaptJobLabel>? PerLabel { get; init; }

    /// <summary>Why the job failed or kept the base, in plain words.</summary>
    public string? Error { get; init; }
}

/// <summary>One label's adaptation: the method or why the base was kept, and the estimates on the feedback.</summary>
public sealed record AdaptJobLabel
{
    /// <example>hoax</example>
    public required string Label { get; init; }

    /// <summary>The method, or "base" when the label kept the base's head.</summary>
    /// <example>local</example>
    public required string Method { get; init; }

    /// <summary>Why the base was kept, when it was.</summary>
    public string? KeptBaseReason { get; init; }

    /// <summary>Decisions that judged this label, and how many of them said yes.</summary>
    public required int Judged { get; init; }

    public required int Positives { get; init; }

    /// <summary>The base at its shipped threshold on the feedback.</summary>
    public AdaptJobEstimate? Before { get; init; }

    /// <summary>The adapted head, 5-fold cross-validated on the feedback.</summary>
    public AdaptJobEstimate? After { get; init; }
}

/// <summary>F1 and ROC AUC of a head on the feedback, at its threshold.</summary>
public sealed record AdaptJobEstimate(double Threshold, double F1, double? RocAuc);
