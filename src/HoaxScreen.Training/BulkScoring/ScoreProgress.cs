using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// The progress line of a long <c>score</c> run on stderr: rows written, percent of the input read (bytes, so it is
/// known before the end without counting rows), posts/s of this run and the time left. On a terminal one line redrawn
/// in place with a bar, at most every 250 ms; elsewhere (with --progress) a plain line every 2 s. The last state is
/// always shown, so even a short run prints one line. Called at batch boundaries only; costs a clock read otherwise.
/// </summary>
public sealed class ScoreProgress
{
    private const int BarWidth = 24;

    private readonly TextWriter _stderr;
    private readonly bool _terminal;
    private readonly long _totalBytes;
    private readonly long _startRows;
    private readonly long _startBytes;
    private readonly TimeSpan _interval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last = TimeSpan.Zero;
    private int _shownLength;
    private bool _broken;

    /// <param name="totalBytes">The input's size; 0 when unknown (no percent or time left then).</param>
    /// <param name="startRows">Rows already in the output when this run started (a resumed run).</param>
    /// <param name="startBytes">Input bytes already behind those rows.</param>
    public ScoreProgress(TextWriter stderr, bool terminal, long totalBytes, long startRows, long startBytes)
    {
        _stderr = stderr;
        _terminal = terminal;
        _totalBytes = totalBytes;
        _startRows = startRows;
        _startBytes = startBytes;
        _interval = terminal ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(2);
    }

    /// <summary>Shows the state when the interval has passed since the last line.</summary>
    public void Report(long rows, long inputPosition)
    {
        var now = _clock.Elapsed;
        if (now - _last >= _interval)
        {
            _last = now;
            Show(rows, inputPosition, now);
        }
    }

    /// <summary>Shows the final state and, on a terminal, ends the redrawn line.</summary>
    public void Finish(long rows, long inputPosition)
    {
        Show(rows, inputPosition, _clock.Elapsed);
        if (_terminal && !_broken)
        {
            try
            {
                _stderr.WriteLine();
            }
            catch (IOException)
            {
                _broken = true;
            }
        }
    }

    private void Show(long rows, long inputPosition, TimeSpan elapsed)
    {
        if (_broken)
        {
            return;
        }

        try
        {
            Write(rows, inputPosition, elapsed);
        }
        catch (IOException)
        {
            // The terminal went away (a closed window): the run goes on, and stops cleanly if it was asked to.
            _broken = true;
        }
    }

    private void Write(long rows, long inputPosition, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        var rate = (rows - _startRows) / seconds;
        var line = new StringBuilder("[score] ");
        if (_totalBytes > 0)
        {
            var fraction = Math.Clamp((double)inputPosition / _totalBytes, 0, 1);
            if (_terminal)
            {
                var filled = (int)(fraction * BarWidth);
                line.Append('[').Append('#', filled).Append('.', BarWidth - filled).Append("] ");
            }

            line.Append(CultureInfo.InvariantCulture, $"{fraction * 100,5:F1}%  ");
        }

        line.Append(CultureInfo.InvariantCulture, $"{rows:N0} posts  {rate:N0} posts/s");
        var bytesPerSecond = (inputPosition - _startBytes) / seconds;
        if (_totalBytes > 0 && bytesPerSecond > 0)
        {
            var left = TimeSpan.FromSeconds(Math.Max(0, _totalBytes - inputPosition) / bytesPerSecond);
            line.Append("  ETA ").Append(left.TotalHours >= 1 ? left.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : left.ToString(@"m\:ss", CultureInfo.InvariantCulture));
        }

        if (_terminal)
        {
            // Redraw in place; pad over the tail of a longer previous line.
            var text = line.ToString();
            _stderr.Write('\r' + text.PadRight(_shownLength));
            _shownLength = text.Length;
        }
        else
        {
            _stderr.WriteLine(line.ToString());
        }

        _stderr.Flush();
    }
}
