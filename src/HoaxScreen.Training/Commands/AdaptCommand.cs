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
public static class AdaptCommand
{
    public static readonly string[] Options = ["model", "feedback", "out", "method", "delimiter"];

    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var modelDirectory = Path.GetFullPath(args.Required("model"));
        var feedbackPath = args.Required("feedback");
        var output = OutputFolder.Check(args.Required("out"));
        var methodName = args.Optional("method") ?? AdaptationMethods.Name(CommunityAdapter.DefaultMethod);
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
        var feedback = FeedbackPosts.Load(feedbackPath, baseModel.Labels, args.Delimiter());
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
