using HoaxScreen.Training.Cli;
using HoaxScreen.Training.Reporting;

namespace HoaxScreen.Training.Commands;

/// <summary>train --recipe R.json | --data D.csv --out BUNDLE_DIR</summary>
public static class TrainCommand
{
    public static readonly string[] Options = ["recipe", "data", "delimiter", "out"];

    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var output = OutputFolder.Check(args.Required("out"));
        var recipe = args.Recipe();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var trainer = new ModelTrainer(message => stderr.WriteLine($"[train {clock.Elapsed.TotalSeconds,6:F1}s] {message}"));
        var manifest = trainer.Train(recipe, output);
        stdout.WriteLine($"model {manifest.Version} (held-out evaluation split)");
        stdout.Write(MetricsTable.Console(manifest.Labels.Select(l => (l.Name, l.Threshold, l.Metrics))));
        stdout.WriteLine($"training time: {manifest.TrainingSeconds:F1} s");
        return 0;
    }
}
