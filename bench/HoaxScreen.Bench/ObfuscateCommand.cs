using System.CommandLine;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Core.Text;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Bench;

/// <summary>obfuscate [--seed 7] [--model BUNDLE_DIR] [--only DISGUISE]: disguises each line of stdin, to see what the benchmark feeds the models.</summary>
public sealed class ObfuscateCommand : Command
{
    private static readonly string[] DisguiseNames = [.. Enum.GetNames<Disguise>().Select(name => name.ToLowerInvariant())];

    private readonly Option<int> _seed = CliOptions.WholeNumber(
        "--seed", "N", "the obfuscator's seed", RobustnessCommand.DefaultSeed, min: 0, max: int.MaxValue);

    private readonly Option<string> _model = CliOptions.Text("--model", "BUNDLE_DIR", "disguise with this bundle's lexicons, as the robustness bench does (default: none)");

    // Checked where it is read, in any case ("SpacedLetters" as well as "spacedletters"), as it always was.
    private readonly Option<string> _only = CliOptions.Text(
        "--only", "DISGUISE", $"disguise every picked word this one way: {string.Join(", ", DisguiseNames)} (default: one drawn per word)");

    public ObfuscateCommand(TextReader stdin, TextWriter stdout)
        : base("obfuscate", "Disguise each line of stdin as the robustness benchmark does, to see what it feeds the models.")
    {
        _only.CompletionSources.Add(DisguiseNames);
        Add(_seed);
        Add(_model);
        Add(_only);
        SetAction(args => Run(args, stdin, stdout));
    }

    private int Run(ParseResult args, TextReader stdin, TextWriter stdout)
    {
        var seed = args.GetValue(_seed);
        var lexicon = args.GetValue(_model) is { } model ? ModelBundleLoader.Load(model).Normalizer.Lexicon : Lexicon.Empty;
        Disguise? only = args.GetValue(_only) is { } name
            ? Enum.TryParse<Disguise>(name, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
                ? kind
                : throw new CliException($"--only must be one of {string.Join(", ", Enum.GetNames<Disguise>())}")
            : null;
        var obfuscator = new Obfuscator(lexicon, seed, only);
        while (stdin.ReadLine() is { } line)
        {
            stdout.WriteLine(obfuscator.Obfuscate(line).Text);
        }

        return 0;
    }
}
