using Spectre.Console;

namespace HoaxScreen.Training.Terminal;

/// <summary>
/// Spectre consoles over the writers a command is given. Over a terminal: colours, live displays and rounded tables.
/// Over anything else (a pipe, a log file, a test's StringWriter): no ANSI codes, no colours, no live redrawing, and a
/// width wide enough that a table is never wrapped, so what is written is plain text a script can read.
/// </summary>
public static class TerminalConsole
{
    // Wide enough for every table the CLI prints; a table only takes the width it needs.
    private const int RedirectedWidth = 400;

    /// <summary>Whether <paramref name="writer"/> is the process's stdout or stderr and that goes to a terminal.</summary>
    public static bool IsTerminal(TextWriter writer) => new AnsiConsoleOutput(writer).IsTerminal;

    /// <summary>A console over <paramref name="writer"/>, told by <see cref="IsTerminal"/> whether it is a terminal.</summary>
    public static IAnsiConsole Over(TextWriter writer) => Create(writer, IsTerminal(writer));

    /// <summary>A console over <paramref name="writer"/>; <paramref name="terminal"/> says whether it reaches a person.</summary>
    public static IAnsiConsole Create(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(terminal ? new QuietWhenGoneWriter(writer) : writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            // The default enrichers turn ANSI on for known CI systems: redirected output stays plain there too.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = terminal },
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    /// <summary>Rounded borders for a person; none (columns of plain text, as before) for a pipe or a file.</summary>
    public static TableBorder TableBorderFor(IAnsiConsole console) =>
        console.Profile.Capabilities.Ansi ? TableBorder.Rounded : TableBorder.None;
}
