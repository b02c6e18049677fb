namespace HoaxScreen.Core.Scoring;

/// <summary>
/// A word or phrase of the original post that pushed a label's score up: its text and span in the
/// original (so a tool can highlight it) and its weight, the drop in the label's log-odds without it.
/// </summary>
public readonly record struct WordContribution(string Text, int Start, int Length, double Weight);

/// <summary>The words that drove one label's score, strongest first.</summary>
public sealed record LabelExplanation(string Label, IReadOnlyList<WordContribution> Words);
