namespace HoaxScreen.Training.Cli;

/// <summary>
/// Parsed "--name value" options and "--name" switches of one command, with one-line errors for anything off: what
/// the bench tools (bench/HoaxScreen.Bench) parse with. The training CLI itself is on System.CommandLine (<see cref="CliOptions"/>).
/// </summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _values;

    private CliArguments(Dictionary<string, string> values) => _values = values;

    public static CliArguments Parse(
        IReadOnlyList<string> args,
        IReadOnlyCollection<string> allowed,
        IReadOnlyCollection<string>? switches = null)
    {
        switches ??= [];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new CliException($"unexpected argument '{arg}'");
            }

            var name = arg[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            var given = equals >= 0 ? name[..equals] : name;

            // Known options first: an unknown one is named as such, whatever follows it.
            if (!allowed.Contains(given) && !switches.Contains(given))
            {
                throw new CliException($"unknown option '--{given}' (expected {string.Join(", ", allowed.Concat(switches).Select(a => "--" + a))})");
            }

            string value;
            if (switches.Contains(given))
            {
                if (equals >= 0)
                {
                    throw new CliException($"option --{given} takes no value");
                }

                value = string.Empty;
            }
            else if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = given;
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                throw new CliException($"option --{name} needs a value");
            }

            // An empty value ("--claims ''", a shell variable that was not set) names no file: say so, not crash on it.
            if (value.Length == 0 && !switches.Contains(given))
            {
                throw new CliException($"option --{given} needs a value");
            }

            if (!values.TryAdd(name, value))
            {
                throw new CliException($"option --{name} given twice");
            }
        }

        return new CliArguments(values);
    }

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    /// <summary>Whether a switch (an option without a value) was given.</summary>
    public bool Switch(string name) => _values.ContainsKey(name);

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new CliException($"missing --{name}");

    public int Int(string name, int fallback, int min, int max)
    {
        if (!_values.TryGetValue(name, out var raw))
        {
            return fallback;
        }

        return int.TryParse(raw, out var value) && value >= min && value <= max
            ? value
            : throw new CliException($"--{name} must be a whole number from {min} to {max}");
    }
}

/// <summary>A usage error a command finds after parsing (e.g. two options that do not go together): printed as one line, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);
