using System.CommandLine;
using HoaxScreen.Training.Cli;
using HoaxScreen.Training.Data;
using HoaxScreen.Training.Evaluation;
using HoaxScreen.Training.Reporting;
using HoaxScreen.Training.Terminal;

namespace HoaxScreen.Training.Commands;

/// <summary>crossvalidate --recipe R.json | --data D.csv [--folds 5] [--out REPORT.md]: judges a recipe's settings.</summary>
public sealed class CrossValidateCommand : Command
{
    private readonly RecipeOptions _recipe = new();

    private readonly Option<int> _folds = CliOptions.WholeNumber("--folds", "K", "how many folds, 2..20", fallback: 5, min: 2, max: 20);

    private readonly Option<string> _out = CliOptions.Text("--out", "REPORT.md", "also write the Markdown table to this file (its folder must exist)");

    public CrossValidateCommand(TextWriter stdout, TextWriter stderr)
        : base("crossvalidate", "Judge a recipe's settings by K-fold cross-validation; prints a Markdown table per label.")
    {
        _recipe.AddTo(this);
        Add(_folds);
        Add(_out);
        SetAction(args => Run(args, stdout, stderr));
    }

    private int Run(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var output = args.GetValue(_out) is { } given ? OutputFolder.Check(given) : null;
        var recipe = _recipe.Read(args);
        var folds = args.GetValue(_folds);

        var progress = TrainingProgress.Over(stderr, "crossvalidate");
        var summary = progress.Run(() =>
        {
            var dataset = LabelledDataset.Load(recipe, progress.Step);
            progress.Step($"read {dataset.Posts.Count:N0} posts from {dataset.Sources.Count} source(s); labels: {string.Join(", ", dataset.Labels)}");
            return new CrossValidator(progress.Step, progress.Now).Run(recipe, dataset, folds);
        });
        var markdown = CrossValidationTable.Markdown(summary);
        if (TerminalConsole.IsTerminal(stdout))
        {
            var console = TerminalConsole.Over(stdout);
            console.Write(CrossValidationTable.Console(summary, TerminalConsole.TableBorderFor(console)));
        }
        else
        {
            // A pipe or a file gets the report's Markdown, the same text as --out.
            stdout.Write(markdown);
        }

        if (output is not null)
        {
            File.WriteAllText(output, markdown);
        }

        progress.Step("done");
        return 0;
    }
}
