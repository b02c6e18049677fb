using HoaxScreen.Training.Cli;
using HoaxScreen.Training.Reporting;
using HoaxScreen.Training.Terminal;

namespace HoaxScreen.Training.Commands;

/// <summary>train --recipe R.json | --data D.csv --out BUNDLE_DIR [--folds K]: with K, the bundle also records K-fold cross-validation.</summary>
public static class TrainCommand
{
    public static readonly string[] Options = ["recipe", "data", "delimiter", "out", "folds"];

    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var output = OutputFolder.Check(args.Required("out"));
        var recipe = args.Recipe();
        var progress = TrainingProgress.Over(stderr, "train");
        var folds = args.Int("folds", 0, 0, 20);
        if (folds == 1)
        {
            throw new CliException("--folds must be 0 (off) or 2..20");
        }

        var manifest = progress.Run(() => new ModelTrainer(progress.Step, progress.Now).Train(recipe, output, folds));
        stdout.WriteLine($"model {manifest.Version} (held-out evaluation split)");
        var console = TerminalConsole.Over(stdout);
        console.Write(MetricsTable.Console(manifest.Labels.Select(l => (l.Name, l.Threshold, l.Metrics)), TerminalConsole.TableBorderFor(console)));
        stdout.WriteLine($"training time: {manifest.TrainingSeconds:F1} s");
        return 0;
    }
}
