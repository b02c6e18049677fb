namespace HoaxScreen.Training.Evaluation;

/// <summary>What a label's decision threshold is chosen to maximise on the validation split.</summary>
public enum ThresholdObjective
{
    /// <summary>F1 of the positive class (the default).</summary>
    F1,

    /// <summary>Mean of positive- and negative-class F1, for labels whose positives are the majority.</summary>
    MacroF1,
}
