using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using Microsoft.ML;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// Explains the flagged rows of a scored batch in parallel, one prediction engine per worker (engines are not
/// thread-safe; idle ones wait in a bag for the next batch, so at most one per core is ever built).
/// </summary>
public sealed class FlaggedRowExplainer(ScoringModel model, int topWords) : IDisposable
{
    private readonly ConcurrentBag<PredictionEngine<PostInput, PostProbabilities>> _engines = [];
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
        Array.Fill(words, NoWords);
        var flaggedRows = Enumerable.Range(0, texts.Count).Where(i => verdicts[i].Flagged).ToArray();
        try
        {
            Parallel.ForEach(
                flaggedRows,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                () => _engines.TryTake(out var engine) ? engine : model.CreateEngine(),
                (row, _, engine) =>
                {
                    words[row] = Explain(engine, texts[row], verdicts[row]);
                    return engine;
                },
                engine => _engines.Add(engine));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            // Surface the one real failure, so the CLI reports it as it would without parallelism.
            ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        return words;
    }

    public void Dispose()
    {
        while (_engines.TryTake(out var engine))
        {
            engine.Dispose();
        }
    }

    // The labels flagged by the batch score are the ones explained, so the words always match the _flagged columns.
    // Explanations list each distinct word once (all its occurrences merged), so the top N are N different words.
    private IReadOnlyList<string>[] Explain(PredictionEngine<PostInput, PostProbabilities> engine, string text, PostVerdict verdict)
    {
        var flagged = verdict.Labels.Where(l => l.Flagged).Select(l => l.Label).ToHashSet(StringComparer.Ordinal);
        var (_, explanations) = model.Explain(engine, text, label => flagged.Contains(label.Label), topWords);
        var row = (IReadOnlyList<string>[])NoWords.Clone();
        foreach (var explanation in explanations)
        {
            row[_labelIndex[explanation.Label]] = [.. explanation.Words.Select(w => w.Text)];
        }

        return row;
    }
}
