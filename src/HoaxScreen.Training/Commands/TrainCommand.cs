using System.CommandLine;
using HoaxScreen.Training.Cli;
using HoaxScreen.Training.Reporting;
using HoaxScreen.Training.Terminal;

namespace HoaxScreen.Training.Commands;

/// <summary>train --recipe R.json | --data D.csv --out BUNDLE_DIR [--folds K]: with K, the bundle also records K-fold cross-validation.</summary>
public sealed class TrainCommand : Command
{
    private readonly RecipeOptions _recipe = new();

    private readonly Option<string> _out = CliOptions.Text("--out", "BUNDLE_DIR", "the bundle folder to write (its parent folder must exist)", required: true);

    private readonly Option<int> _folds = CliOptions.WholeNumber(
        "--folds", "K", "also record K-fold cross-validation in the bundle: 0 (off) or 2..20", fallback: 0, min: 0, max: 20);

    public TrainCommand(TextWriter stdout, TextWriter stderr)
        : base("train", "Train a model bundle from a recipe or one canonical CSV, and print its held-out metrics.")
    {
        _recipe.AddTo(this);
        Add(_out);
        Add(_folds);
        SetAction(args => Run(args, stdout, stderr));
    }

    private int Run(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var output = OutputFolder.Check(args.GetRequiredValue(_out));
        var recipe = _recipe.Read(args);
        var progress = TrainingProgress.Over(stderr, "train");
        var folds = args.GetValue(_folds);
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
