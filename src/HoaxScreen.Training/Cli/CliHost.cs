using System.Runtime.InteropServices;

namespace HoaxScreen.Training.Cli;

/// <summary>
/// What a command knows about the process it runs in: whether stderr is a terminal (for the progress bar) and how to
/// hear Ctrl+C / SIGTERM. Tests run the CLI in process with <see cref="InProcess"/>: not a terminal, no signal handlers.
/// </summary>
public sealed class CliHost
{
    private readonly bool _listensForSignals;

    private CliHost(bool errorIsTerminal, bool listensForSignals)
    {
        ErrorIsTerminal = errorIsTerminal;
        _listensForSignals = listensForSignals;
    }

    /// <summary>Inside another program (tests): output is captured and signals belong to the host.</summary>
    public static CliHost InProcess { get; } = new(errorIsTerminal: false, listensForSignals: false);

    /// <summary>The real console of the <c>hoaxscreen</c> process.</summary>
    public static CliHost Console => new(!System.Console.IsErrorRedirected, listensForSignals: true);

    public bool ErrorIsTerminal { get; }

    /// <summary>
    /// Calls <paramref name="interrupted"/> on the first Ctrl+C, SIGTERM or SIGHUP instead of ending the process, so the
    /// command can stop at a row boundary; a second Ctrl+C ends the process as usual. Dispose to restore the defaults.
    /// </summary>
    public IDisposable OnInterrupt(Action interrupted)
    {
        if (!_listensForSignals)
        {
            return NoRegistration.Instance;
        }

        var heard = 0;
        void Handle(PosixSignalContext context)
        {
            if (Interlocked.Exchange(ref heard, 1) == 0)
            {
                context.Cancel = true;
                interrupted();
            }
        }

        var registrations = new List<IDisposable>();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            try
            {
                registrations.Add(PosixSignalRegistration.Create(signal, Handle));
            }
            catch (PlatformNotSupportedException)
            {
                // Not every signal exists everywhere (Windows maps only some); the others still stop the run cleanly.
            }
        }

        return new Registrations(registrations);
    }

    private sealed class Registrations(List<IDisposable> registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }

    private sealed class NoRegistration : IDisposable
    {
        public static readonly NoRegistration Instance = new();

        public void Dispose()
        {
        }
    }
}
