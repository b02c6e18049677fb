using System.Diagnostics;
using HoaxScreen.Training.Terminal;
using Spectre.Console;

namespace HoaxScreen.Training.BulkScoring;

/// <summary>
/// The progress of a long <c>score</c> run on stderr: rows written, percent of the input read (bytes, so it is known
/// before the end without counting rows), posts/s of this run and the time left. On a terminal a Spectre progress bar
/// redrawn in place; elsewhere (with --progress) a plain line every 2 s. The last state is always shown, so even a
/// short run prints one line. Fed at batch boundaries only; costs a clock read otherwise.
/// </summary>
public sealed class ScoreProgress
{
    private readonly TextWriter _stderr;
    private readonly IAnsiConsole? _live;
    private readonly long _totalBytes;
    private readonly long _startRows;
    private readonly long _startBytes;
    private readonly TimeSpan _interval;
    private readonly Stopwatch _clock = new();
    private TimeSpan _last = TimeSpan.Zero;
    private ProgressTask? _bar;
    private (long Rows, long InputPosition)? _written;
    private bool _broken;

    /// <param name="totalBytes">The input's size; 0 when unknown (no percent or time left then).</param>
    /// <param name="startRows">Rows already in the output when this run started (a resumed run).</param>
    /// <param name="startBytes">Input bytes already behind those rows.</param>
    public ScoreProgress(TextWriter stderr, bool terminal, long totalBytes, long startRows, long startBytes)
        : this(stderr, terminal ? TerminalConsole.Create(stderr, terminal: true) : null, totalBytes, startRows, startBytes)
    {
    }

    /// <param name="live">The terminal's console for the live bar; null for plain lines on <paramref name="stderr"/>.</param>
    internal ScoreProgress(TextWriter stderr, IAnsiConsole? live, long totalBytes, long startRows, long startBytes)
    {
        _stderr = stderr;
        _live = live;
        _totalBytes = totalBytes;
        _startRows = startRows;
        _startBytes = startBytes;
        _interval = live is not null ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(2);
    }

    /// <summary>
    /// Runs <paramref name="run"/> with the progress shown, and shows <paramref name="final"/>'s state when it ends,
    /// by an exception too, so the bar or the last line says how far the run got.
    /// </summary>
    public T Track<T>(Func<T> run, Func<(long Rows, long InputPosition)> final)
    {
        _clock.Restart();
        if (_live is null)
        {
            try
            {
                return run();
            }
            finally
            {
                // The last state, unless the last line already showed it.
                var (rows, position) = final();
                if (_written != (rows, position))
                {
                    WritePlain(rows, position);
                }
            }
        }

        // Redrawn 4 times a second, as often as the figures change (Spectre's default is 10).
        var progress = _live.Progress()
            .Columns(new ProgressBarColumn { Width = 24 }, new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left });
        progress.RefreshRate = _interval;
        return progress.Start(context =>
        {
            _bar = context.AddTask(Describe(Figures(_startRows, _startBytes, TimeSpan.Zero)), maxValue: Math.Max(_totalBytes, 1));
            _bar.IsIndeterminate = _totalBytes <= 0;
            try
            {
                return run();
            }
            finally
            {
                var (rows, position) = final();
                Show(rows, position);
            }
        });
    }

    /// <summary>Shows the state when the interval has passed since the last update.</summary>
    public void Report(long rows, long inputPosition)
    {
        var now = _clock.Elapsed;
        if (now - _last >= _interval)
        {
            _last = now;
            Show(rows, inputPosition);
        }
    }

    /// <summary>Rows done, share of the input read, posts/s and time left, <paramref name="elapsed"/> into this run.</summary>
    public ScoreProgressFigures Figures(long rows, long inputPosition, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        double? fraction = _totalBytes > 0 ? Math.Clamp((double)inputPosition / _totalBytes, 0, 1) : null;
        var bytesPerSecond = (inputPosition - _startBytes) / seconds;
        TimeSpan? left = _totalBytes > 0 && bytesPerSecond > 0
            ? TimeSpan.FromSeconds(Math.Max(0, _totalBytes - inputPosition) / bytesPerSecond)
            : null;
        return new ScoreProgressFigures(rows, fraction, (rows - _startRows) / seconds, left);
    }

    private void Show(long rows, long inputPosition)
    {
        if (_bar is { } bar)
        {
            bar.Value = Math.Max(0, inputPosition);
            bar.Description = Describe(Figures(rows, inputPosition, _clock.Elapsed));
        }
        else
        {
            WritePlain(rows, inputPosition);
        }
    }

    // The description is Spectre markup: escaped, though the figures hold no brackets today.
    private static string Describe(ScoreProgressFigures figures) => Markup.Escape(figures.Counts());

    private void WritePlain(long rows, long inputPosition)
    {
        if (_broken)
        {
            return;
        }

        _written = (rows, inputPosition);
        try
        {
            _stderr.WriteLine(Figures(rows, inputPosition, _clock.Elapsed).PlainLine());
            _stderr.Flush();
        }
        catch (IOException)
        {
            // The log went away: the run goes on, and stops cleanly if it was asked to.
            _broken = true;
        }
    }
}
