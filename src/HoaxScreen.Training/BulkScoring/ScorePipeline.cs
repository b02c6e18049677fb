using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using HoaxScreen.Core.Scoring;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// Overlaps reading, scoring and writing: one task reads batches of posts, one scores them (ScoreBatch spreads each
/// batch over all cores), and the caller's thread writes the scored batches in input order. Bounded queues of two
/// batches between the stages keep memory flat and let no stage run far ahead, so the cores do not idle while a batch
/// is parsed or formatted.
/// </summary>
public static class ScorePipeline
{
    private const int QueuedBatches = 2;

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

    /// <summary>Posts read together, and once scored their verdicts (and with --explain, their words).</summary>
    public sealed class Batch(int capacity, bool withIds)
    {
        public string[] Texts { get; } = new string[capacity];

        public string?[]? Ids { get; } = withIds ? new string?[capacity] : null;

        public int Count { get; set; }

        /// <summary>The input's read position after the batch's last post.</summary>
        public long InputPosition { get; set; }

        public IReadOnlyList<PostVerdict> Verdicts { get; set; } = [];

        public IReadOnlyList<string>[][]? Words { get; set; }
    }

    /// <param name="reader">The input, positioned at the first post to score.</param>
    /// <param name="batchSize">Posts per batch.</param>
    /// <param name="withIds">Whether to keep each post's id (JSON Lines output).</param>
    /// <param name="score">Fills a batch's verdicts (and words); runs on the scoring task.</param>
    /// <param name="write">Writes a scored batch; runs on the calling thread, in input order; false stops the run.</param>
    /// <param name="cancel">Stops the run at the next batch boundary.</param>
    public static Outcome Run(
        IPostReader reader, int batchSize, bool withIds, Action<Batch> score, Func<Batch, bool> write, CancellationToken cancel)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var read = Channel.CreateBounded<Batch>(new BoundedChannelOptions(QueuedBatches) { SingleReader = true, SingleWriter = true });
        var scored = Channel.CreateBounded<Batch>(new BoundedChannelOptions(QueuedBatches) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadBatches(reader, batchSize, withIds, read.Writer, stop.Token));
        var scoring = Task.Run(() => ScoreBatches(read.Reader, scored.Writer, score, stop.Token));

        var outcome = Outcome.Completed;
        Exception? writeFailure = null;
        try
        {
            outcome = WriteBatches(scored.Reader, write, cancel);
        }
        catch (Exception ex)
        {
            writeFailure = ex;
        }

        stop.Cancel();
        var failure = Failure(reading) ?? Failure(scoring) ?? writeFailure;
        if (failure is not null)
        {
            // The earliest stage's failure is the cause (a bad input line ends the scorer and writer too).
            ExceptionDispatchInfo.Throw(failure);
        }

        return outcome;
    }

    private static async Task ReadBatches(IPostReader reader, int batchSize, bool withIds, ChannelWriter<Batch> output, CancellationToken stop)
    {
        Exception? failure = null;
        try
        {
            while (true)
            {
                // Stopping early completes the queue as cancelled, so the writer cannot mistake it for the end of the input.
                stop.ThrowIfCancellationRequested();
                var batch = new Batch(batchSize, withIds);
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
                    await output.WriteAsync(batch, stop).ConfigureAwait(false);
                }

                if (batch.Count < batchSize)
                {
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            output.TryComplete(failure);
        }
    }

    private static async Task ScoreBatches(ChannelReader<Batch> input, ChannelWriter<Batch> output, Action<Batch> score, CancellationToken stop)
    {
        Exception? failure = null;
        try
        {
            await foreach (var batch in input.ReadAllAsync(stop).ConfigureAwait(false))
            {
                score(batch);
                await output.WriteAsync(batch, stop).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            output.TryComplete(failure);
        }
    }

    private static Outcome WriteBatches(ChannelReader<Batch> input, Func<Batch, bool> write, CancellationToken cancel)
    {
        try
        {
            while (input.WaitToReadAsync(cancel).AsTask().GetAwaiter().GetResult())
            {
                while (input.TryRead(out var batch))
                {
                    if (cancel.IsCancellationRequested)
                    {
                        return Outcome.Cancelled;
                    }

                    if (!write(batch))
                    {
                        return Outcome.Stopped;
                    }
                }
            }

            return Outcome.Completed;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return Outcome.Cancelled;
        }
    }

    // A stage's own failure; being cancelled because another stage stopped is not one.
    private static Exception? Failure(Task stage)
    {
        try
        {
            stage.GetAwaiter().GetResult();
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
