using System.Text.RegularExpressions;
using Spectre.Console;

namespace HoaxScreen.Training.Tests;

/// <summary>A pretend terminal for the live displays: a Spectre console told it may use ANSI codes, over a StringWriter.</summary>
internal static partial class AnsiTerminal
{
    public static IAnsiConsole Over(StringWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.Yes,
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = 120;
        return console;
    }

    /// <summary>
    /// Whether <paramref name="written"/> holds an escape character. Ordinal on purpose: a culture-aware search (NUnit's
    /// Does.Contain) ignores control characters and finds ESC in any text.
    /// </summary>
    public static bool HasEscapes(string written) => written.Contains('\u001b', StringComparison.Ordinal);

    /// <summary>What a person would read: the text without its escape sequences.</summary>
    public static string Plain(string written) => EscapeSequence().Replace(written, string.Empty);

    [GeneratedRegex(@"\u001b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex EscapeSequence();
}
