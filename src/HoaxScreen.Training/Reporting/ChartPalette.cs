using System.Globalization;

namespace HoaxScreen.Training.Reporting;

/// <summary>Colours for report figures: the Okabe–Ito palette (readable with colour-blindness), and tints for table cells.</summary>
public static class ChartPalette
{
    private static readonly string[] Series = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999933"];

    public const string Reference = "#888888";

    public const string Correct = "#009E73";

    public const string Error = "#D55E00";

    /// <summary>The colour of the series at <paramref name="index"/> (label order), cycling.</summary>
    public static string Color(int index) => Series[index % Series.Length];

    /// <summary><paramref name="color"/> (#rrggbb) mixed with white: 0 = white, 1 = the colour.</summary>
    public static string Tint(string color, double strength)
    {
        var s = Math.Clamp(strength, 0, 1);
        var channels = Enumerable.Range(0, 3)
            .Select(i => int.Parse(color.AsSpan(1 + i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .Select(c => (int)Math.Round(255 - (255 - c) * s));
        return "#" + string.Concat(channels.Select(c => c.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
