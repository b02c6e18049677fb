using HoaxScreen.Core.Data;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Training.BulkScoring;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// The read → score → write pipeline with a fake input and scorer: order, stopping, cancelling, failures. Three scorers
/// with uneven delays make batches finish out of order.
/// </summary>
public class ScorePipelineTests
{
    private static readonly PostVerdict Verdict = new([new LabelVerdict("hoax", 0.1f, 0.5, false)]);

    [Test]
    public void Run_WholeInput_WritesEveryPostOnceInOrder()
    {
        var written = new List<string>();

        var outcome = Run(new FakeReader(100), 7, batch => Collect(batch, written));

        Assert.That(outcome, Is.EqualTo(ScorePipeline.Outcome.Completed));
        Assert.That(written, Is.EqualTo(Enumerable.Range(0, 100).Select(i => $"post {i}")));
    }

    [Test]
    public void Run_CancelledWhileWriting_StopsAtTheNextBatchBoundary()
    {
        var written = new List<string>();
        using var cancel = new CancellationTokenSource();

        var outcome = Run(new FakeReader(100), 10, batch =>
        {
            Collect(batch, written);
            if (written.Count == 30)
            {
                cancel.Cancel();
            }

            return true;
        }, cancel: cancel.Token);

        Assert.That(outcome, Is.EqualTo(ScorePipeline.Outcome.Cancelled));
        Assert.That(written, Has.Count.EqualTo(30), "no batch is written after the cancellation");
    }

    [Test]
    public void Run_WriterAsksToStop_Stops()
    {
        var batches = 0;

        var outcome = Run(new FakeReader(100), 10, _ => ++batches < 3);

        Assert.That(outcome, Is.EqualTo(ScorePipeline.Outcome.Stopped));
        Assert.That(batches, Is.EqualTo(3));
    }

    [Test]
    public void Run_ReaderFails_ThrowsTheReadersError()
    {
        var written = new List<string>();

        var ex = Assert.Throws<DataFormatException>(() => Run(new FakeReader(100, failAt: 45), 10, batch => Collect(batch, written)));

        Assert.That(ex!.Message, Is.EqualTo("posts:46: bad"));
        Assert.That(written, Is.EqualTo(Enumerable.Range(0, written.Count).Select(i => $"post {i}")), "only whole batches from the start");
        Assert.That(written, Has.Count.LessThanOrEqualTo(40));
    }

    [Test]
    public void Run_ScorerFails_ThrowsTheScorersError()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            ScorePipeline.Run(new FakeReader(100), 10, withIds: false, 2, _ => throw new InvalidOperationException("model broke"), _ => true, CancellationToken.None));

        Assert.That(ex!.Message, Is.EqualTo("model broke"));
    }

    [Test]
    public void Run_WithIds_KeepsEachPostsId()
    {
        var ids = new List<string?>();

        Run(new FakeReader(5), 2, batch =>
        {
            ids.AddRange(batch.Ids!.Take(batch.Count));
            return true;
        }, withIds: true);

        Assert.That(ids, Is.EqualTo(new[] { "0", "1", "2", "3", "4" }));
    }

    private static ScorePipeline.Outcome Run(
        FakeReader reader, int batchSize, Func<ScorePipeline.Batch, bool> write, bool withIds = false, CancellationToken cancel = default)
    {
        // Batches take 0-2 ms each, so the three scorers finish them out of order.
        return ScorePipeline.Run(reader, batchSize, withIds, 3, batch =>
        {
            Thread.Sleep((int)(batch.Sequence % 3));
            Score(batch);
        }, write, cancel);
    }

    private static void Score(ScorePipeline.Batch batch) => batch.Verdicts = [.. Enumerable.Repeat(Verdict, batch.Count)];

    private static bool Collect(ScorePipeline.Batch batch, List<string> written)
    {
        Assert.That(batch.Verdicts, Has.Count.EqualTo(batch.Count));
        written.AddRange(batch.Texts.Take(batch.Count));
        return true;
    }

    private sealed class FakeReader(int posts, int failAt = -1) : IPostReader
    {
        private int _next;

        public long Length => posts;

        public long Position => _next;

        public bool HasIds => true;

        public bool TryRead(out string text, out string? idJson)
        {
            if (_next == failAt)
            {
                throw new DataFormatException($"posts:{_next + 1}: bad");
            }

            if (_next >= posts)
            {
                text = string.Empty;
                idJson = null;
                return false;
            }

            text = $"post {_next}";
            idJson = _next.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _next++;
            return true;
        }

        public void Dispose()
        {
        }
    }
}
