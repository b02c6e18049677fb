using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace HoaxScreen.Training.Terminal;

/// <summary>
/// The progress of <c>train</c> and <c>crossvalidate</c> on stderr. Every step is a line, <c>[train   1.2s] message</c>,
/// as a log wants it. On a terminal a Spectre status line with a spinner stays under those lines and names what is
/// being fitted at the moment (fold k of K, the label): that detail changes many times a second, so a log never gets it.
/// </summary>
public sealed class TrainingProgress
{
    private readonly TextWriter _stderr;
    private readonly string _command;
    private readonly IAnsiConsole? _terminal;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private StatusContext? _status;

    /// <param name="terminal">The console of a terminal on stderr; null when stderr is a pipe or a file.</param>
    internal TrainingProgress(TextWriter stderr, string command, IAnsiConsole? terminal)
    {
        _stderr = stderr;
        _command = command;
        _terminal = terminal;
    }

    /// <summary>The progress of <paramref name="command"/> on <paramref name="stderr"/>, live when that is a terminal.</summary>
    public static TrainingProgress Over(TextWriter stderr, string command) =>
        new(stderr, command, TerminalConsole.IsTerminal(stderr) ? TerminalConsole.Create(stderr, terminal: true) : null);

    /// <summary>Runs <paramref name="work"/>, with the status line under the steps on a terminal.</summary>
    public T Run<T>(Func<T> work)
    {
        if (_terminal is null)
        {
            return work();
        }

        return _terminal.Status().Start(Markup.Escape($"{_command}: starting"), context =>
        {
            _status = context;
            try
            {
                return work();
            }
            finally
            {
                _status = null;
            }
        });
    }

    /// <summary>A step worth a line in the log; on a terminal it is also what the status line shows until the next.</summary>
    public void Step(string message)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"[{_command} {_clock.Elapsed.TotalSeconds,6:F1}s] {message}");
        if (_status is { } status)
        {
            // Status first: writing the line redraws the status under it. Through the live display's console, so the
            // line goes above the status line instead of through it.
            status.Status = OneLine(message);
            _terminal!.WriteLine(line);
        }
        else
        {
            _stderr.WriteLine(line);
        }
    }

    /// <summary>What is being fitted now: shown on the status line of a terminal, left out of a log.</summary>
    public void Now(string message)
    {
        if (_status is { } status)
        {
            status.Status = OneLine(message);
        }
    }

    // A status line that wraps is redrawn over the lines above it: cut to the terminal's width, past the spinner.
    private string OneLine(string message)
    {
        var room = Math.Max(_terminal!.Profile.Width - 4, 10);
        return Markup.Escape(message.Length <= room ? message : message[..(room - 1)] + "…");
    }
}
