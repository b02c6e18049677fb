using System.CommandLine;
using System.CommandLine.Parsing;

namespace HoaxScreen.Training.Cli;

/// <summary>
/// The one line a command line that does not parse gets: System.CommandLine finds what is wrong, this says it in the
/// words the CLI has always used ("unknown option '--foo'", "missing --model", "option --explain needs a value"), with
/// a "did you mean" for a typo and where to look next, instead of the library's several lines and full help.
/// </summary>
public static class UsageError
{
    public static string Describe(ParseResult result)
    {
        var command = result.CommandResult.Command;

        // An option given with a bad value first: in "--model --in x" the stray "x" is a consequence, not the mistake.
        var error = result.Errors.FirstOrDefault(e => e.SymbolResult is OptionResult { IdentifierToken: not null });
        if (error is null && result.UnmatchedTokens is [var token, ..])
        {
            return Unmatched(command, token);
        }

        error ??= result.Errors[0];
        return error.SymbolResult switch
        {
            OptionResult { IdentifierToken: null } option => $"missing {option.Option.Name}",
            OptionResult { Tokens.Count: 0 } option => NeedsValue(option.Option),
            OptionResult { Tokens.Count: > 1 } option when option.Option.Arity.MaximumNumberOfValues == 1 => $"option {option.Option.Name} given twice",
            CommandResult when command.Subcommands.Count > 0 => $"{command.Name} needs a subcommand: {Names(command.Subcommands.Select(c => c.Name))}",
            _ => error.Message,
        };
    }

    public static string NeedsValue(Option option) => $"option {option.Name} needs a value";

    /// <summary>
    /// Whether a value is the next option's name ("--model --in x"): System.CommandLine takes it as the value, the
    /// user left the value out.
    /// </summary>
    public static bool IsOptionName(string value) => value.Length > 2 && value.StartsWith("--", StringComparison.Ordinal) && char.IsAsciiLetter(value[2]);

    private static string Unmatched(Command command, string token)
    {
        var help = command is RootCommand ? "--help" : $"{Path(command)} --help";
        if (token.StartsWith('-'))
        {
            var options = command.Options.Where(o => !o.Hidden).Select(o => o.Name).ToList();
            return $"unknown option '{token}'{Hint(token, options)} (run '{help}' for every option)";
        }

        if (command.Subcommands.Count == 0)
        {
            return $"unexpected argument '{token}' (options are written --name value; run '{help}' for every option)";
        }

        var names = command.Subcommands.Select(c => c.Name).ToList();
        var kind = command is RootCommand ? "command" : $"{command.Name} subcommand";
        return $"unknown {kind} '{token}'{Hint(token, names)} (expected {Names(names)})";
    }

    private static string Hint(string token, IReadOnlyList<string> names) =>
        TypoSuggestion.Closest(token, names) is { } name ? $"; did you mean {name}?" : string.Empty;

    private static string Path(Command command) =>
        string.Join(' ', command.Parents.OfType<Command>().Where(c => c is not RootCommand).Select(c => c.Name).Append(command.Name));

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 1 ? list[0] : $"{string.Join(", ", list[..^1])} or {list[^1]}";
    }
}
