using HoaxScreen.Core.Data;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Training.BulkScoring;

namespace HoaxScreen.Training.Tests;

/// <summary>The read → score → write pipeline with a fake input and scorer: order, stopping, cancelling, failures.</summary>
public class ScorePipelineTests
{
    private static readonly PostVerdict Verdict = new([new LabelVerdict("hoax", 0.1f, 0.5, false)]);

    [Test]
    public void Run_WholeInput_WritesEveryPostOnceInOrder()
    {
        var written = new List<string>();

        var outcome = ScorePipeline.Run(new FakeReader(100), 7, withIds: false, Score, batch => Collect(batch, written), CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(ScorePipeline.Outcome.Completed));
        Assert.That(written, Is.EqualTo(Enumerable.Range(0, 100).Select(i => $"post {i}")));
    }

    [Test]
    public void Run_CancelledWhileWriting_StopsAtTheNextBatchBoundary()
    {
        var written = new List<string>();
        using var cancel = new CancellationTokenSource();

        var outcome = ScorePipeline.Run(new FakeReader(100), 10, withIds: false, Score, batch =>
        {
            Collect(batch, written);
            if (written.Count == 30)
            {
                cancel.Cancel();
            }

            return true;
        }, cancel.Token);

        Assert.That(outcome, Is.EqualTo(ScorePipeline.Outcome.Cancelled));
        Assert.That(written, Has.Count.EqualTo(30), "no batch is written after the cancellation");
    }

    [Test]
    public void Run_WriterAsksToStop_Stops()
    {
        var batches = 0;

        var outcome = ScorePipeline.Run(new FakeReader(100), 10, withIds: false, Score, _ => ++batches < 3, CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(ScorePipeline.Outcome.Stopped));
        Assert.That(batches, Is.EqualTo(3));
    }

    [Test]
    public void Run_ReaderFails_ThrowsTheReadersErrorAfterTheRowsBeforeIt()
    {
        var written = new List<string>();

        var ex = Assert.Throws<DataFormatException>(() =>
            ScorePipeline.Run(new FakeReader(100, failAt: 45), 10, withIds: false, Score, batch => Collect(batch, written), CancellationToken.None));

        Assert.That(ex!.Message, Is.EqualTo("posts:46: bad"));
        Assert.That(written, Has.Count.EqualTo(40), "the complete batches before the bad row");
    }

    [Test]
    public void Run_ScorerFails_ThrowsTheScorersError()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            ScorePipeline.Run(new FakeReader(100), 10, withIds: false, _ => throw new InvalidOperationException("model broke"), _ => true, CancellationToken.None));

        Assert.That(ex!.Message, Is.EqualTo("model broke"));
    }

    [Test]
    public void Run_WithIds_KeepsEachPostsId()
    {
        var ids = new List<string?>();

        ScorePipeline.Run(new FakeReader(5), 2, withIds: true, Score, batch =>
        {
            ids.AddRange(batch.Ids!.Take(batch.Count));
            return true;
        }, CancellationToken.None);

        Assert.That(ids, Is.EqualTo(new[] { "0", "1", "2", "3", "4" }));
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
