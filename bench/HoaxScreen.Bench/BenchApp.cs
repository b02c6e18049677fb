using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Bench;

/// <summary>Dispatches the benchmark commands; every failure becomes one line and a non-zero exit.</summary>
public static class BenchApp
{
    public const string Usage = """
        usage:
          robustness [--recipe bench/recipes/public.recipe.json] [--out bench/results/robustness.md] [--seed 7]
          quality    [--recipe bench/recipes/public.recipe.json] [--out bench/results/quality.md] [--trainer '{json}'] [--model BUNDLE_DIR]
                     [--peers sklearn,fasttext|none] [--lopo on|off] [--python /usr/bin/python3]
          claims-quality [--data ../shared/data] [--out bench/results/claims.md] [--matcher models/claims] [--model models/default]
                     [--peers bm25,tfidf|none] [--trained on|off] [--clean 1000] [--python /usr/bin/python3]
          claims-pairs --out DIR_OUTSIDE_THE_REPO [--data ../shared/data] [--clean 1000]
          adapt      [--recipe data/production.recipe.json] [--out bench/results/adapt.md] [--sizes 50,100,200]
                     [--methods thresholds,platt,residual,warm,local] [--only SOURCE_NAME_PART] [--model models/default]
          termlists  [--model models/default] [--out bench/results/termlists.md] [--seed 7]
          csv-readers [--posts 100000] [--passes 15] [--score-runs 3] [--out bench/results/csv-readers.md]
          obfuscate  [--seed 7] [--model BUNDLE_DIR] [--only leet|spacedletters|mask|elongation|zerowidthspace|fullwidth|cyrillic|uppercase]  < posts.txt
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // "quality --help" too: the command's own parser would take --help for an option missing its value.
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help" || args.Skip(1).Any(a => a is "-h" or "--help"))
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            return args[0] switch
            {
                "robustness" => RobustnessCommand.Run(CliArguments.Parse(args[1..], RobustnessCommand.Options), stdout, stderr),
                "quality" => QualityCommand.Run(CliArguments.Parse(args[1..], QualityCommand.Options), stdout, stderr),
                "claims-quality" => Claims.ClaimsQualityCommand.Run(CliArguments.Parse(args[1..], Claims.ClaimsQualityCommand.Options), args, stdout, stderr),
                "claims-pairs" => Claims.ClaimsPairsCommand.Run(CliArguments.Parse(args[1..], Claims.ClaimsPairsCommand.Options), stdout, stderr),
                "adapt" => Adapt.AdaptBenchCommand.Run(CliArguments.Parse(args[1..], Adapt.AdaptBenchCommand.Options), stdout, stderr),
                "termlists" => TermListsCommand.Run(CliArguments.Parse(args[1..], TermListsCommand.Options), stdout, stderr),
                "csv-readers" => CsvReaders.CsvReadersCommand.Run(CliArguments.Parse(args[1..], CsvReaders.CsvReadersCommand.Options), args, stdout, stderr),
                "obfuscate" => ObfuscateCommand.Run(CliArguments.Parse(args[1..], ObfuscateCommand.Options), Console.In, stdout),
                _ => throw new CliException($"unknown command '{args[0]}' (expected robustness, quality, claims-quality, claims-pairs, adapt, termlists, csv-readers or obfuscate)"),
            };
        }
        catch (CliException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return 2;
        }
        catch (Exception ex) when (ex is DataFormatException or ModelBundleException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }
}
