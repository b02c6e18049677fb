using HoaxScreen.Core.Scoring;

namespace HoaxScreen.Api.Contracts;

/// <summary>The verdict on one post.</summary>
public sealed record ScreenResponse
{
    /// <summary>The <c>id</c> sent with the post, or null when none was sent.</summary>
    public string? Id { get; init; }

    /// <summary>Version of the model bundle that scored the post.</summary>
    public required string Model { get; init; }

    /// <summary>True when at least one label is flagged.</summary>
    public required bool Flagged { get; init; }

    /// <summary>One entry per label the model scores, keyed by label name, in the model's label order.</summary>
    public required IReadOnlyDictionary<string, LabelScore> Labels { get; init; }

    public static ScreenResponse From(string? id, string model, PostVerdict verdict)
    {
        var labels = new OrderedDictionary<string, LabelScore>(verdict.Labels.Count, StringComparer.Ordinal);
        foreach (var label in verdict.Labels)
        {
            labels.Add(label.Label, new LabelScore { Score = label.Score, Flagged = label.Flagged, Threshold = label.Threshold });
        }

        return new ScreenResponse { Id = id, Model = model, Flagged = verdict.Flagged, Labels = labels };
    }
}

/// <summary>One label's score and verdict.</summary>
public sealed record LabelScore
{
    /// <summary>Probability (0..1) that the label applies to the post.</summary>
    public required float Score { get; init; }

    /// <summary>True when <c>score</c> is at or above <c>threshold</c>.</summary>
    public required bool Flagged { get; init; }

    /// <summary>The label's decision threshold, chosen on held-out data when the model was trained.</summary>
    public required double Threshold { get; init; }
}
