using HoaxScreen.Training.Evaluation;

namespace HoaxScreen.Training.Reporting;

/// <summary>Writes the report's SVG figures (drawn with ScottPlot) into the bundle's figures/ folder; paths returned are relative to the bundle.</summary>
public static class ReportFigures
{
    public const string Folder = "figures";

    public static FigureSet Write(string bundleDirectory, HeldOutEvaluation evaluation)
    {
        Directory.CreateDirectory(Path.Combine(bundleDirectory, Folder));
        var reliability = Save(bundleDirectory, "reliability.svg", ReliabilityFigure.Render(evaluation.Labels));
        var labels = evaluation.Labels.Select((label, l) => new LabelFigures(
            label.Label,
            Save(bundleDirectory, $"pr-{label.Label}.svg", PrecisionRecallFigure.Render(label, ChartPalette.Color(l))),
            Save(bundleDirectory, $"confusion-{label.Label}.svg", ConfusionMatrixFigure.Render(label)))).ToList();
        return new FigureSet(reliability, labels);
    }

    private static string Save(string bundleDirectory, string fileName, string svg)
    {
        var relative = $"{Folder}/{fileName}";
        File.WriteAllText(Path.Combine(bundleDirectory, Folder, fileName), svg);
        return relative;
    }
}

/// <summary>Bundle-relative paths of the report's figures.</summary>
public sealed record FigureSet(string Reliability, IReadOnlyList<LabelFigures> Labels);

/// <summary>Bundle-relative paths of one label's figures.</summary>
public sealed record LabelFigures(string Label, string PrecisionRecall, string Confusion);
