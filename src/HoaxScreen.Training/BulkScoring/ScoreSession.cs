using System.Diagnostics;
using HoaxScreen.Core.Claims.Matching;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// The writing side of one <c>score</c> run: writes scored batches to the partial output, counts rows, hashes the input
/// rows written (<paramref name="consumed"/>, already fed the rows written before a resume), saves a checkpoint every
/// couple of seconds at a row boundary (output flushed to disk first, so the checkpoint never claims rows that are not
/// there) and feeds the progress line. After <paramref name="maxRows"/> rows written by this run it refuses the next row,
/// and the run stops as an interruption does (<c>--max-rows</c>).
/// </summary>
public sealed class ScoreSession(
    PartialOutput output,
    IScoreWriter writer,
    ScoreCheckpoint start,
    ConsumedRowsHash consumed,
    long startPosition,
    ScoreProgress? progress,
    long maxRows)
{
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(2);

    private readonly Stopwatch _sinceCheckpoint = Stopwatch.StartNew();

    /// <summary>Rows in the output, including those written before a resume.</summary>
    public long Rows { get; private set; } = start.Rows;

    /// <summary>Flagged rows in the output, including those written before a resume.</summary>
    public long Flagged { get; private set; } = start.Flagged;

    /// <summary>With --claims: rows this run wrote whose best claim is a <c>match</c>.</summary>
    public long ClaimMatches { get; private set; }

    /// <summary>With --claims: rows this run wrote whose best claim is a <c>suggest</c>ion.</summary>
    public long ClaimSuggestions { get; private set; }

    /// <summary>With --termlists: rows this run wrote with at least one term match.</summary>
    public long TermListMatches { get; private set; }

    /// <summary>Rows this run scored and wrote.</summary>
    public long Written => Rows - start.Rows;

    /// <summary>The input position after the last batch written.</summary>
    public long InputPosition { get; private set; } = startPosition;

    /// <summary>Writes a scored batch; false when this run's row limit is reached (the run then stops as if interrupted).</summary>
    public bool Write(ScorePipeline.Batch batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (Written >= maxRows)
            {
                return false;
            }

            var verdict = batch.Verdicts[i];
            var claim = batch.Claims?[i];
            var terms = batch.TermMatches?[i];
            writer.WriteRow(verdict, batch.Words?[i], batch.Ids?[i], claim, terms);
            consumed.Append(batch.Texts[i], batch.Ids?[i]);
            Rows++;
            Flagged += BulkTermLists.Flagged(verdict, claim, terms) ? 1 : 0;
            ClaimMatches += claim?.Decision == ClaimDecision.Match ? 1 : 0;
            ClaimSuggestions += claim?.Decision == ClaimDecision.Suggest ? 1 : 0;
            TermListMatches += terms is { Count: > 0 } ? 1 : 0;
        }

        InputPosition = batch.InputPosition;
        if (_sinceCheckpoint.Elapsed >= CheckpointInterval)
        {
            SaveCheckpoint();
        }

        progress?.Report(Rows, InputPosition);
        return true;
    }

    /// <summary>Flushes the output to disk and records how far it got, and the hash of the input rows that far.</summary>
    public void SaveCheckpoint()
    {
        var bytes = output.Flush();
        var input = start.Input with { Sha256 = consumed.Current };
        (start with { Rows = Rows, Flagged = Flagged, OutputBytes = bytes, Input = input }).Save(output.CheckpointPath);
        _sinceCheckpoint.Restart();
    }

    /// <summary>Runs the scoring with the progress shown, if it is, ending at this session's last state.</summary>
    public T Track<T>(Func<T> run) => progress is null ? run() : progress.Track(run, () => (Rows, InputPosition));
}
