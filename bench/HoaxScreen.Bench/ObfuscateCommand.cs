using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Core.Text;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Bench;

/// <summary>obfuscate [--seed 7] [--model BUNDLE_DIR] [--only DISGUISE]: disguises each line of stdin, to see what the benchmark feeds the models.</summary>
public static class ObfuscateCommand
{
    public static readonly string[] Options = ["seed", "model", "only"];

    public static int Run(CliArguments args, TextReader stdin, TextWriter stdout)
    {
        var seed = args.Int("seed", RobustnessCommand.DefaultSeed, 0, int.MaxValue);
        var lexicon = args.Optional("model") is { } model ? ModelBundleLoader.Load(model).Normalizer.Lexicon : Lexicon.Empty;
        Disguise? only = args.Optional("only") is { } name
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
