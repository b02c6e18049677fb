namespace HoaxScreen.Core.Modeling;

/// <summary>ML.NET training row for one label: normalised text and whether the label applies.</summary>
public sealed class LabelledInput
{
    public string Text { get; set; } = string.Empty;

    public bool Label { get; set; }
}
