using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Core.TermLists;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// Overlaps reading, scoring and writing on dedicated threads: one reads batches of posts, one scorer per core scores
/// whole batches (through the shared, thread-safe scorer, so no fork and join per batch), and the caller's thread writes
/// the scored batches back in input order. Bounded queues keep memory flat and let no stage run far ahead; a full or
/// empty queue blocks its thread instead of spinning, which matters on a small machine shared with other work.
/// </summary>
public static class ScorePipeline
{
    /// <summary>How a run ended.</summary>
    public enum Outcome
    {
        /// <summary>Every post was read, scored and handed to the writer.</summary>
        Completed,

        /// <summary>The writer asked to stop (it returned false).</summary>
        Stopped,

        /// <summary>The cancellation token fired; the writer had finished every batch it was given.</summary>
        Cancelled,
    }

    /// <summary>
    /// Posts read together, and once scored their verdicts (with --explain, their words; with --claims, their best claims;
    /// with --termlists, their term matches).
    /// </summary>
    public sealed class Batch(long sequence, int capacity, bool withIds)
    {
        /// <summary>The batch's place in the input: 0, 1, 2…</summary>
        public long Sequence { get; } = sequence;

        public string[] Texts { get; } = new string[capacity];

        public string?[]? Ids { get; } = withIds ? new string?[capacity] : null;

        public int Count { get; set; }

        /// <summary>The input's read position after the batch's last post.</summary>
        public long InputPosition { get; set; }

        public IReadOnlyList<PostVerdict> Verdicts { get; set; } = [];

        public IReadOnlyList<string>[][]? Words { get; set; }

        /// <summary>With --claims: each post's best candidate claim, null where none was retrieved; else null.</summary>
        public ClaimMatch?[]? Claims { get; set; }

        /// <summary>With --termlists: each post's term matches (empty where none); else null.</summary>
        public IReadOnlyList<TermMatch>[]? TermMatches { get; set; }
    }

    /// <param name="reader">The input, positioned at the first post to score.</param>
    /// <param name="batchSize">Posts per batch.</param>
    /// <param name="withIds">Whether to keep each post's id (an id column in CSV output, or JSON Lines output).</param>
    /// <param name="scorers">How many batches are scored at once (one thread each).</param>
    /// <param name="score">Scores a whole batch; thread-safe, as every scorer thread calls it.</param>
    /// <param name="write">Writes a scored batch; runs on the calling thread, in input order; false stops the run.</param>
    /// <param name="cancel">Stops the run at the next batch boundary.</param>
    public static Outcome Run(
        IPostReader reader,
        int batchSize,
        bool withIds,
        int scorers,
        Action<Batch> score,
        Func<Batch, bool> write,
        CancellationToken cancel)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var read = new BlockingCollection<Batch>(scorers);
        using var scored = new BlockingCollection<Batch>(2 * scorers);
        Exception? readFailure = null;
        Exception? scoreFailure = null;
        var running = scorers;

        var readThread = Start("hoaxscreen-read", () =>
        {
            try
            {
                for (var sequence = 0L; ; sequence++)
                {
                    var batch = new Batch(sequence, batchSize, withIds);
                    while (batch.Count < batchSize && reader.TryRead(out var text, out var id))
                    {
                        batch.Texts[batch.Count] = text;
                        if (batch.Ids is not null)
                        {
                            batch.Ids[batch.Count] = id;
                        }

                        batch.Count++;
                    }

                    batch.InputPosition = reader.Position;
                    if (batch.Count > 0)
                    {
                        read.Add(batch, stop.Token);
                    }

                    if (batch.Count < batchSize)
                    {
                        break;
                    }
                }

                read.CompleteAdding();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                readFailure = ex;
                stop.Cancel();
            }
        });

        var scoreThreads = Enumerable.Range(0, scorers).Select(i => Start($"hoaxscreen-score-{i}", () =>
        {
            try
            {
                foreach (var batch in read.GetConsumingEnumerable(stop.Token))
                {
                    score(batch);
                    scored.Add(batch, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref scoreFailure, ex, null);
                stop.Cancel();
            }
            finally
            {
                if (Interlocked.Decrement(ref running) == 0)
                {
                    scored.CompleteAdding();
                }
            }
        })).ToList();

        var outcome = Outcome.Completed;
        Exception? writeFailure = null;
        try
        {
            outcome = WriteInOrder(scored, write, cancel, stop.Token);
        }
        catch (Exception ex)
        {
            writeFailure = ex;
        }

        stop.Cancel();
        readThread.Join();
        scoreThreads.ForEach(t => t.Join());

        // The earliest stage's failure is the cause (a bad input line ends the scorers and the writer too).
        if ((readFailure ?? scoreFailure ?? writeFailure) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return outcome;
    }

    private static Outcome WriteInOrder(BlockingCollection<Batch> scored, Func<Batch, bool> write, CancellationToken cancel, CancellationToken stop)
    {
        // Scorers finish batches out of order; hold the early ones until the batches before them are written.
        var waiting = new Dictionary<long, Batch>();
        var next = 0L;
        try
        {
            foreach (var batch in scored.GetConsumingEnumerable(stop))
            {
                waiting.Add(batch.Sequence, batch);
                while (waiting.Remove(next, out var ready))
                {
                    if (cancel.IsCancellationRequested)
                    {
                        return Outcome.Cancelled;
                    }

                    if (!write(ready))
                    {
                        return Outcome.Stopped;
                    }

                    next++;
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return Outcome.Cancelled;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Another stage failed and stopped the run; its failure is reported instead.
            return Outcome.Stopped;
        }

        return Outcome.Completed;
    }

    private static Thread Start(string name, Action body)
    {
        var thread = new Thread(() => body()) { Name = name, IsBackground = true };
        thread.Start();
        return thread;
    }
}
