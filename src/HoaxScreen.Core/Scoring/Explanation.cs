namespace HoaxScreen.Core.Scoring;

/// <summary>Where one occurrence of a word sits in the original post (UTF-16 offset and length).</summary>
public readonly record struct WordSpan(int Start, int Length);

/// <summary>
/// A word or phrase of the original post that pushed a label's score up: its text as first written, the span of every
/// occurrence in the original (so a tool can highlight them all) and its weight, the drop in the label's log-odds when
/// every occurrence is left out.
/// </summary>
/// <param name="Text">The first occurrence exactly as written.</param>
/// <param name="Weight">The drop in the label's log-odds without any occurrence of the word.</param>
/// <param name="Spans">Every occurrence, in order; never empty.</param>
public readonly record struct WordContribution(string Text, double Weight, IReadOnlyList<WordSpan> Spans)
{
    /// <summary>Offset of the first occurrence.</summary>
    public int Start => Spans[0].Start;

    /// <summary>Length of the first occurrence.</summary>
    public int Length => Spans[0].Length;

    /// <summary>How many times the word occurs in the post.</summary>
    public int Count => Spans.Count;
}

/// <summary>The words that drove one label's score, strongest first, each distinct word once.</summary>
public sealed record LabelExplanation(string Label, IReadOnlyList<WordContribution> Words);
