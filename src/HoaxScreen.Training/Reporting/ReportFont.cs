using ScottPlot;
using SkiaSharp;

namespace HoaxScreen.Training.Reporting;

/// <summary>
/// The figures' one font, shipped inside this assembly (a subset of DejaVu Sans, Fonts/LICENSE.txt): on a machine
/// without fonts ScottPlot would draw figures with no text at all, and the same font everywhere keeps a figure's
/// bytes (hashed into the bundle's manifest) the same on every machine.
/// </summary>
public static class ReportFont
{
    /// <summary>The family name the figures ask ScottPlot for; no installed font is looked up under it.</summary>
    public const string Name = "HoaxScreen Report Sans";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>
    /// Adds the font to ScottPlot's resolvers and makes it the default for plots created afterwards, once per process.
    /// The default, not <c>plot.Font.Set</c>: that one also resets every label to the regular weight.
    /// </summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (!_registered)
            {
                Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
                Fonts.Default = Name;
                _registered = true;
            }
        }
    }

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        private readonly byte[] _regular = Read("DejaVuSans.ttf");
        private readonly byte[] _bold = Read("DejaVuSans-Bold.ttf");

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

        // A new typeface on every call: the caller owns (and may dispose of) what it is given.
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Name ? SKTypeface.FromData(SKData.CreateCopy(bold ? _bold : _regular)) : null;

        private static byte[] Read(string file)
        {
            using var stream = typeof(ReportFont).Assembly.GetManifestResourceStream($"HoaxScreen.Training.Reporting.Fonts.{file}")
                ?? throw new InvalidOperationException($"The report font {file} is missing from the assembly.");
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return bytes.ToArray();
        }
    }
}
