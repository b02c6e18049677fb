namespace HoaxScreen.Core.Evaluation;

/// <summary>What a label's decision threshold is chosen to maximise on the validation split.</summary>
public enum ThresholdObjective
{
    /// <summary>F1 of the positive class (the default).</summary>
    F1,

    /// <summary>Mean of positive- and negative-class F1, for labels whose positives are the majority.</summary>
    MacroF1,

    /// <summary>
    /// F0.5: precision weighs twice as much as recall, for a label whose false alarms on ordinary posts cost more
    /// trust than its misses (a flag sends a post to a moderator; a neutral notice flagged as a hoax teaches them to
    /// ignore the flag).
    /// </summary>
    F05,
}
