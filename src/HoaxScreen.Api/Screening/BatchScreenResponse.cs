namespace HoaxScreen.Api.Screening;

/// <summary>Verdicts for a batch, in the order the posts were sent.</summary>
public sealed record BatchScreenResponse
{
    /// <summary>Version of the model bundle that scored the batch.</summary>
    public required string Model { get; init; }

    /// <summary>One result per item, in input order, each shaped like a single-post result.</summary>
    public required IReadOnlyList<ScreenResponse> Results { get; init; }
}
