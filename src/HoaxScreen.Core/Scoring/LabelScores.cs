namespace HoaxScreen.Core.Scoring;

/// <summary>Per label, in the model's label order, its probability and its raw margin; reusable from post to post.</summary>
public sealed class LabelScores
{
    public float[] Probabilities { get; private set; } = [];

    /// <summary>Raw classifier scores (log-odds scale); unlike probabilities they do not saturate at 1, so explanations use them.</summary>
    public float[] Margins { get; private set; } = [];

    internal void Resize(int labels)
    {
        if (Probabilities.Length != labels)
        {
            Probabilities = new float[labels];
            Margins = new float[labels];
        }
    }
}
