namespace HoaxScreen.Core.Modeling;

/// <summary>
/// What a bundle is for and where it fails, in plain words, written in the recipe and carried by the bundle so that
/// <c>GET /v1/model</c> and the report tell a moderator what they are trusting.
/// </summary>
public sealed record ModelCard
{
    /// <summary>One paragraph: what the model was trained on and what it is meant for.</summary>
    public required string Summary { get; init; }

    /// <summary>Known limits, one sentence each (languages, weak labels, kinds of post it has not seen).</summary>
    public IReadOnlyList<string> Limitations { get; init; } = [];
}
