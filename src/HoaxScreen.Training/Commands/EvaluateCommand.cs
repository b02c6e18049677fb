using System.CommandLine;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Evaluation;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Training.Cli;
using HoaxScreen.Training.Data;
using HoaxScreen.Training.Reporting;
using HoaxScreen.Training.Terminal;

namespace HoaxScreen.Training.Commands;

/// <summary>evaluate --model BUNDLE_DIR --recipe R.json | --data D.csv [--split all|evaluation]</summary>
public sealed class EvaluateCommand : Command
{
    private readonly Option<string> _model = CliOptions.Text("--model", "BUNDLE_DIR", "the model bundle folder to evaluate", required: true);

    private readonly RecipeOptions _recipe = new();

    private readonly Option<string> _split = CliOptions.Choice(
        "--split",
        "which rows: all (default) or evaluation (the held-out part of the deterministic split by text hash)",
        ["all", "evaluation"],
        _ => "--split must be 'all' or 'evaluation'");

    public EvaluateCommand(TextWriter stdout, TextWriter stderr)
        : base("evaluate", "Score labelled posts with a bundle and print precision, recall, F1 and AUC per label.")
    {
        Add(_model);
        _recipe.AddTo(this);
        Add(_split);
        SetAction(args => Run(args, stdout, stderr));
    }

    private int Run(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var model = ModelBundleLoader.Load(args.GetRequiredValue(_model));
        var recipe = _recipe.Read(args);
        var split = args.GetValue(_split) ?? "all";

        var dataset = LabelledDataset.Load(recipe, message => stderr.WriteLine($"[evaluate] {message}"));
        var shared = model.Labels.Where(dataset.Labels.Contains).ToList();
        if (shared.Count == 0)
        {
            throw new DataFormatException($"the data has none of the model's labels ({string.Join(", ", model.Labels)})");
        }

        var posts = dataset.Posts.Where(p => split == "all" || DataSplit.PartOf(p.Text) == SplitPart.Evaluation).ToList();
        stderr.WriteLine($"[evaluate] scoring {posts.Count:N0} posts ({split} rows)");
        var verdicts = new List<PostVerdict>(posts.Count);
        foreach (var chunk in posts.Chunk(4096))
        {
            verdicts.AddRange(model.ScoreBatch([.. chunk.Select(p => p.Text)]));
        }

        var rows = shared.Select(label =>
        {
            var dataIndex = dataset.LabelIndex(label);
            var modelIndex = model.Labels.ToList().IndexOf(label);
            var pairs = posts.Select((p, i) => (Truth: p.Labels[dataIndex], Score: verdicts[i].Labels[modelIndex].Score))
                .Where(x => x.Truth is not null)
                .Select(x => (x.Score, x.Truth!.Value))
                .ToList();
            var threshold = model.Manifest.Labels[modelIndex].Threshold;
            return (label, threshold, BinaryMetricsCalculator.Compute(pairs, threshold));
        }).ToList();

        stdout.WriteLine($"model {model.Version} on {posts.Count:N0} posts ({split} rows)");
        var console = TerminalConsole.Over(stdout);
        console.Write(MetricsTable.Console(rows, TerminalConsole.TableBorderFor(console)));
        return 0;
    }
}
