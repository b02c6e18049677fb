namespace HoaxScreen.Core.Claims.Matching;

/// <summary>The probability a pair is a match, from the fitted decider.</summary>
public sealed class DeciderScore
{
    public float Probability { get; set; }
}
