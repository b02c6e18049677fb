namespace HoaxScreen.Core.Scoring;

/// <summary>One label's probability, the threshold it is judged against, and the verdict.</summary>
public readonly record struct LabelVerdict(string Label, float Score, double Threshold, bool Flagged);

/// <summary>All label verdicts for one post, in the model's label order; flagged when any label is.</summary>
public sealed record PostVerdict(IReadOnlyList<LabelVerdict> Labels)
{
    public bool Flagged
    {
        get
        {
            foreach (var label in Labels)
            {
                if (label.Flagged)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
