namespace HoaxScreen.Core.Modeling;

/// <summary>Column names shared by the training pipeline and the scorer.</summary>
public static class ModelColumns
{
    public const string Text = "Text";
    public const string Features = "Features";
    public const string Label = "Label";
    public const string Probabilities = "Probabilities";
    public const string Margins = "Margins";

    public static string ProbabilityOf(string label) => "Probability_" + label;

    public static string MarginOf(string label) => "Margin_" + label;
}
