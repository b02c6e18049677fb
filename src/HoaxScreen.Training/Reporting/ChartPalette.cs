namespace HoaxScreen.Training.Reporting;

/// <summary>Colours for report figures: the Okabe–Ito palette, readable with colour-blindness.</summary>
public static class ChartPalette
{
    private static readonly ScottPlot.Color[] Series =
        [.. new[] { "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999933" }.Select(ScottPlot.Color.FromHex)];

    public static readonly ScottPlot.Color Reference = ScottPlot.Color.FromHex("#888888");

    /// <summary>The colour of the series at <paramref name="index"/> (label order), cycling.</summary>
    public static ScottPlot.Color Color(int index) => Series[index % Series.Length];
}
