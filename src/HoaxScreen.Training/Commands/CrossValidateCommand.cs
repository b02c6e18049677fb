using System.CommandLine;
using HoaxScreen.Training.Cli;
using HoaxScreen.Training.Data;
using HoaxScreen.Training.Evaluation;
using HoaxScreen.Training.Reporting;

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

        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Progress(string message) => stderr.WriteLine($"[crossvalidate {clock.Elapsed.TotalSeconds,6:F1}s] {message}");
        var dataset = LabelledDataset.Load(recipe, Progress);
        Progress($"read {dataset.Posts.Count:N0} posts from {dataset.Sources.Count} source(s); labels: {string.Join(", ", dataset.Labels)}");
        var summary = new CrossValidator(Progress).Run(recipe, dataset, folds);
        var markdown = CrossValidationTable.Markdown(summary);
        stdout.Write(markdown);
        if (output is not null)
        {
            File.WriteAllText(output, markdown);
        }

        Progress("done");
        return 0;
    }
}
