namespace HoaxScreen.Api.Adaptation;

/// <summary>The answer to starting a job: its id, its status and where to follow it.</summary>
public sealed record AdaptJobStarted
{
    /// <example>3f9c2a71d04e</example>
    public required string Job { get; init; }

    /// <example>queued</example>
    public required string Status { get; init; }

    /// <example>/admin/model/adapt/3f9c2a71d04e</example>
    public required string Location { get; init; }
}
