using HoaxScreen.Core.Scoring;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// Explains the flagged rows of a scored batch on the calling thread (the score pipeline runs one batch per core, so
/// explanations are as parallel as scoring).
/// </summary>
public sealed class FlaggedRowExplainer(IPostScorer model, int topWords)
{
    private readonly Dictionary<string, int> _labelIndex = model.Labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);

    /// <summary>The words of a row with nothing flagged: none for every label.</summary>
    public IReadOnlyList<string>[] NoWords { get; } = [.. model.Labels.Select(_ => (IReadOnlyList<string>)[])];

    /// <summary>
    /// Per row, per label (model order) the top words of each flagged label, strongest first, each distinct word once;
    /// <see cref="NoWords"/> for rows with nothing flagged.
    /// </summary>
    public IReadOnlyList<string>[][] ExplainFlagged(IReadOnlyList<string> texts, IReadOnlyList<PostVerdict> verdicts)
    {
        var words = new IReadOnlyList<string>[texts.Count][];
        for (var row = 0; row < words.Length; row++)
        {
            words[row] = verdicts[row].Flagged ? Explain(texts[row], verdicts[row]) : NoWords;
        }

        return words;
    }

    // The labels flagged by the batch score are the ones explained, so the words always match the _flagged columns.
    // Explanations list each distinct word once (all its occurrences merged), so the top N are N different words.
    private IReadOnlyList<string>[] Explain(string text, PostVerdict verdict)
    {
        var flagged = verdict.Labels.Where(l => l.Flagged).Select(l => l.Label).ToHashSet(StringComparer.Ordinal);
        var (_, explanations) = model.Explain(text, label => flagged.Contains(label.Label), topWords);
        var row = (IReadOnlyList<string>[])NoWords.Clone();
        foreach (var explanation in explanations)
        {
            row[_labelIndex[explanation.Label]] = [.. explanation.Words.Select(w => w.Text)];
        }

        return row;
    }
}
