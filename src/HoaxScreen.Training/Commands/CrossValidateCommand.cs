using HoaxScreen.Training.Cli;
using HoaxScreen.Training.Data;
using HoaxScreen.Training.Evaluation;
using HoaxScreen.Training.Reporting;

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
