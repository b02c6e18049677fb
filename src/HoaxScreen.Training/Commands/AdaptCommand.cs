using System.CommandLine;
using System.Globalization;
using HoaxScreen.Core.Adaptation;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Training.Adaptation;
using HoaxScreen.Training.Cli;
using Microsoft.ML;

namespace HoaxScreen.Training.Commands;

/// <summary>
/// adapt --model BASE_DIR --feedback F.csv|F.jsonl --out NEW_DIR [--method M]: a new sealed bundle fitted to a community
/// from its moderators' decisions; prints per label the base's estimate and the adapted one, and which labels kept the base.
/// </summary>
public sealed class AdaptCommand : Command
{
    private readonly Option<string> _model = CliOptions.Text("--model", "BASE_DIR", "the base bundle folder to adapt", required: true);

    private readonly Option<string> _feedback = CliOptions.Text(
        "--feedback",
        "FEEDBACK.csv|FEEDBACK.jsonl",
        "moderators' decisions in the canonical format (text + label columns, empty = not judged); export the service's FEEDBACK.db first with `feedback export`",
        required: true);

    private readonly Option<string> _out = CliOptions.Text("--out", "NEW_DIR", "the new bundle folder (its parent must exist; not the base)", required: true);

    private readonly Option<string> _method = CliOptions.Choice(
        "--method",
        $"how to fit (default: {AdaptationMethods.Name(CommunityAdapter.DefaultMethod)})",
        [.. Enum.GetValues<AdaptationMethod>().Select(AdaptationMethods.Name)]);

    private readonly Option<char?> _delimiter = CliOptions.Delimiter();

    public AdaptCommand(TextWriter stdout, TextWriter stderr)
        : base("adapt", """
            Write a new sealed bundle fitted to a community from its moderators' decisions; a label with fewer than 20
            positive or negative decisions keeps the base.
            """)
    {
        Add(_model);
        Add(_feedback);
        Add(_out);
        Add(_method);
        Add(_delimiter);
        SetAction(args => Run(args, stdout, stderr));
    }

    private int Run(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var modelDirectory = Path.GetFullPath(args.GetRequiredValue(_model));
        var feedbackPath = args.GetRequiredValue(_feedback);
        var output = OutputFolder.Check(args.GetRequiredValue(_out));
        var methodName = args.GetValue(_method) ?? AdaptationMethods.Name(CommunityAdapter.DefaultMethod);
        if (!AdaptationMethods.TryParse(methodName, out var method))
        {
            throw new CliException($"--method must be {string.Join(", ", Enum.GetValues<AdaptationMethod>().Select(AdaptationMethods.Name))}, not '{methodName}'");
        }

        if (string.Equals(Path.TrimEndingDirectorySeparator(output), Path.TrimEndingDirectorySeparator(modelDirectory), StringComparison.Ordinal))
        {
            throw new CliException("--out must be a new folder, not the base bundle (the base is what you go back to)");
        }

        void Progress(string message) => stderr.WriteLine($"[adapt] {message}");
        var baseModel = ModelBundleLoader.Load(modelDirectory);
        var feedback = FeedbackPosts.Load(feedbackPath, baseModel.Labels, args.GetValue(_delimiter));
        Progress($"read {feedback.Texts.Count:N0} feedback posts from {feedbackPath}");
        if (feedback.Ignored.Count > 0)
        {
            Progress($"ignored columns that are not labels of the model: {string.Join(", ", feedback.Ignored)}");
        }

        var ml = new MLContext(seed: 1);
        var heads = BaseHeads.Load(ml, modelDirectory, baseModel.Labels.Count);
        var adapted = new CommunityAdapter(Progress).Adapt(baseModel, heads, feedback, method);
        var manifest = AdaptedBundleWriter.Write(ml, adapted, feedback, method, output);
        Progress($"wrote {output} in {adapted.Seconds:F1} s of fitting");

        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine($"model {manifest.Version} adapted from {baseModel.Version} on {feedback.Texts.Count:N0} posts ({methodName}); " +
            $"estimates are {LabelAdapter.Folds}-fold cross-validated on the feedback");
        stdout.WriteLine("label         judged  pos  threshold        F1 before→after   AUC before→after  ");
        foreach (var label in adapted.Labels)
        {
            var done = label.KeptBase
                ? $"kept the base: {label.Reason}"
                : label.Method + (label.L2 is { } l2 ? string.Create(inv, $" (λ {l2:G3})") : string.Empty);
            stdout.WriteLine(string.Create(inv,
                $"{label.Label,-13} {label.Rows,6} {label.Positives,4}  {label.BaseThreshold,5:F3}→{label.Threshold,-5:F3}  {Cell(label.Before?.F1)}→{Cell(label.After?.F1),-6}      {Cell(label.Before?.RocAuc)}→{Cell(label.After?.RocAuc),-6}  {done}"));
        }

        return 0;
    }

    private static string Cell(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("F3", CultureInfo.InvariantCulture) : "  —  ";
}
