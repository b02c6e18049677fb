using HoaxScreen.Training.Cli;
using HoaxScreen.Training.Data;
using HoaxScreen.Training.Evaluation;
using HoaxScreen.Training.Reporting;
using HoaxScreen.Training.Terminal;

namespace HoaxScreen.Training.Commands;

/// <summary>crossvalidate --recipe R.json | --data D.csv [--folds 5] [--out REPORT.md]: judges a recipe's settings.</summary>
public static class CrossValidateCommand
{
    public static readonly string[] Options = ["recipe", "data", "delimiter", "folds", "out"];

    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var output = args.Optional("out") is { } given ? OutputFolder.Check(given) : null;
        var recipe = args.Recipe();
        var folds = args.Int("folds", 5, 2, 20);

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
