using System.CommandLine;
using System.CommandLine.Parsing;

namespace HoaxScreen.Training.Cli;

/// <summary>
/// The kinds of option the commands take, each with its check and its one-line error in the words the CLI has always
/// used, so every command declares its options in one line each and System.CommandLine does the parsing.
/// </summary>
public static class CliOptions
{
    /// <summary>A value such as a path; an empty one ("--claims ''", a shell variable that was not set) names nothing.</summary>
    public static Option<string> Text(string name, string helpName, string description, bool required = false)
    {
        var option = new Option<string>(name) { Description = description, HelpName = helpName, Required = required };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(token => token.Value.Length == 0 || UsageError.IsOptionName(token.Value)))
            {
                result.AddError(UsageError.NeedsValue(option));
            }
        });
        return option;
    }

    /// <summary>
    /// A value from a known set: the values are listed in the help and offered by shell completion; the command checks
    /// the value itself where it turns it into something (with its own message), or <paramref name="refuse"/> words the error here.
    /// </summary>
    public static Option<string> Choice(string name, string description, IReadOnlyList<string> values, Func<string, string>? refuse = null)
    {
        var option = Text(name, string.Join('|', values), description);
        option.CompletionSources.Add([.. values]);
        if (refuse is not null)
        {
            option.Validators.Add(result =>
            {
                if (result.Tokens is [{ Value: var given }] && !values.Contains(given, StringComparer.Ordinal))
                {
                    result.AddError(refuse(given));
                }
            });
        }

        return option;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="fallback"/> when not given.</summary>
    public static Option<int> WholeNumber(string name, string helpName, string description, int fallback, int min, int max) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => fallback,
        CustomParser = result => ParseWholeNumber(result, name, min, max) ?? fallback,
    };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null when not given (the default depends on other options).</summary>
    public static Option<int?> OptionalWholeNumber(string name, string helpName, string description, int min, int max) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => ParseWholeNumber(result, name, min, max),
    };

    /// <summary>An option that is on when given and takes no value.</summary>
    public static Option<bool> Switch(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>--delimiter: ',' ';' or 'tab'; null when not given, and the CSV reader detects it from the header line.</summary>
    public static Option<char?> Delimiter() => new("--delimiter")
    {
        Description = "the CSV field separator: ',' ';' or 'tab' (default: detected from the header line)",
        HelpName = ",|;|tab",
        CustomParser = ParseDelimiter,
        CompletionSources = { ",", ";", "tab" },
    };

    private static int? ParseWholeNumber(ArgumentResult result, string name, int min, int max)
    {
        var given = result.Tokens[0].Value;
        if (int.TryParse(given, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError(UsageError.IsOptionName(given) ? $"option {name} needs a value" : $"{name} must be a whole number from {min} to {max}");
        return null;
    }

    private static char? ParseDelimiter(ArgumentResult result)
    {
        var given = result.Tokens[0].Value;
        var delimiter = HoaxScreen.Core.Data.CsvDelimiters.Parse(given);
        if (delimiter is null)
        {
            result.AddError(UsageError.IsOptionName(given) ? "option --delimiter needs a value" : $"--delimiter must be ',', ';' or 'tab', not '{given}'");
        }

        return delimiter;
    }
}
