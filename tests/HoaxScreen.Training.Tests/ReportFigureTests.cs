using System.Globalization;
using System.Xml.Linq;
using HoaxScreen.Core.Evaluation;
using HoaxScreen.Training.Evaluation;
using HoaxScreen.Training.Reporting;

namespace HoaxScreen.Training.Tests;

/// <summary>The report's ScottPlot figures for small known inputs, read back as SVG: their text, curves, dots and cells.</summary>
public class ReportFigureTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static LabelEvaluation Label(string name, List<(float, bool)> rows, double threshold = 0.5) =>
        new(name, threshold, rows, BinaryMetricsCalculator.Compute(rows, threshold));

    private static XDocument Parse(string svg)
    {
        var doc = XDocument.Parse(svg);
        Assert.That(doc.Root!.Name, Is.EqualTo(Svg + "svg"));
        return doc;
    }

    private static List<string> Texts(XDocument doc) => [.. doc.Descendants(Svg + "text").Select(t => t.Value.Trim())];

    /// <summary>The stroked paths (lines) drawn in <paramref name="color"/>, with the number of points each joins.</summary>
    private static List<int> LinePointCounts(XDocument doc, string color) =>
    [
        .. doc.Descendants(Svg + "path")
            .Where(p => string.Equals((string?)p.Attribute("stroke"), color, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Attribute("d")!.Value.Count(c => c is 'M' or 'L')),
    ];

    /// <summary>Where Skia placed a text: its transform="translate(x y)", in pixels from the top left.</summary>
    private static (double X, double Y) Translation(XElement text)
    {
        var numbers = text.Attribute("transform")!.Value.Split(['(', ' ', ')'], StringSplitOptions.RemoveEmptyEntries)[1..];
        return (double.Parse(numbers[0], CultureInfo.InvariantCulture), double.Parse(numbers[1], CultureInfo.InvariantCulture));
    }

    private static int Dots(XDocument doc, string color) =>
        doc.Descendants(Svg + "ellipse").Count(e => string.Equals((string?)e.Attribute("fill"), color, StringComparison.OrdinalIgnoreCase));

    [Test]
    public void PrecisionRecallFigure_KnownRows_HasTitleAxesAndLegend()
    {
        List<(float, bool)> rows = [(0.9f, true), (0.8f, false), (0.8f, true), (0.3f, true), (0.1f, false)];
        var texts = Texts(Parse(PrecisionRecallFigure.Render(Label("sara", rows), ChartPalette.Color(1))));

        Assert.That(texts, Does.Contain("sara: precision-recall (evaluation split)"));
        Assert.That(texts, Does.Contain("recall").And.Contain("precision"));
        Assert.That(texts, Does.Contain("0.0").And.Contain("0.4").And.Contain("1.0"), "ticks in the invariant culture");
        Assert.That(texts, Does.Contain("share of positives (0.600)"));
        Assert.That(texts, Has.One.StartsWith("curve (average precision "));
        // At 0.5: two of the three positives flagged, one negative too.
        Assert.That(texts, Does.Contain("threshold 0.500: precision 0.67, recall 0.67"));
    }

    [Test]
    public void PrecisionRecallFigure_FewScores_DrawsOnePointPerDistinctScore()
    {
        List<(float, bool)> rows = [(0.9f, true), (0.8f, false), (0.8f, true), (0.3f, true), (0.1f, false)];
        var doc = Parse(PrecisionRecallFigure.Render(Label("sara", rows), ChartPalette.Color(1)));
        Assert.That(LinePointCounts(doc, "#D55E00"), Does.Contain(4), "the curve, one point per distinct score");
    }

    [Test]
    public void PrecisionRecallFigure_ManyDistinctScores_DrawsAtMost200CurvePoints()
    {
        var rows = Enumerable.Range(0, 1000).Select(i => ((float)(i / 1000.0), i % 3 == 0)).ToList();
        var doc = Parse(PrecisionRecallFigure.Render(Label("hoax", rows), ChartPalette.Color(0)));
        Assert.That(LinePointCounts(doc, "#0072B2").Max(), Is.EqualTo(PointSampler.MaxCurvePoints));
    }

    [Test]
    public void PrecisionRecallFigure_NoPositives_SaysSoInsteadOfACurve()
    {
        List<(float, bool)> rows = [(0.9f, false), (0.1f, false)];
        var doc = Parse(PrecisionRecallFigure.Render(Label("sara", rows), ChartPalette.Color(1)));
        Assert.That(LinePointCounts(doc, "#D55E00"), Is.Empty);
        Assert.That(Texts(doc), Does.Contain("no positive rows in the evaluation split"));
    }

    [Test]
    public void ReliabilityFigure_TwoLabels_DrawsOneCurveAndOneDotPerNonEmptyBin()
    {
        List<(float, bool)> a = [(0.05f, false), (0.15f, false), (0.95f, true)];
        List<(float, bool)> b = [(0.35f, true), (0.45f, false)];
        var doc = Parse(ReliabilityFigure.Render([Label("hoax", a), Label("sara", b)]));

        Assert.Multiple(() =>
        {
            Assert.That(LinePointCounts(doc, "#0072B2"), Has.Member(3), "hoax: bins 0.0, 0.1 and 0.9");
            Assert.That(LinePointCounts(doc, "#D55E00"), Has.Member(2), "sara: bins 0.3 and 0.4");
            Assert.That(Dots(doc, "#0072B2"), Is.EqualTo(3));
            Assert.That(Dots(doc, "#D55E00"), Is.EqualTo(2));
            var texts = Texts(doc);
            Assert.That(texts, Does.Contain("Calibration on the evaluation split").And.Contain("perfect calibration"));
            Assert.That(texts, Does.Contain("mean predicted probability (bin)").And.Contain("share of positives (bin)"));
            Assert.That(texts, Has.One.Match(@"^hoax \(ECE 0\.\d{3}\)$").And.One.Match(@"^sara \(ECE 0\.\d{3}\)$"));
        });
    }

    [Test]
    public void ConfusionMatrixFigure_KnownCounts_WritesEachCountInBoldInItsCell()
    {
        // tp=2, fn=1, fp=1, tn=3
        List<(float, bool)> rows = [(0.9f, true), (0.7f, true), (0.2f, true), (0.6f, false), (0.1f, false), (0.3f, false), (0.4f, false)];
        var doc = Parse(ConfusionMatrixFigure.Render(Label("abusive", rows)));

        var counts = doc.Descendants(Svg + "text")
            .Where(t => t.Attribute("font-weight") is not null && int.TryParse(t.Value.Trim(), CultureInfo.InvariantCulture, out _))
            .Select(t => (Count: int.Parse(t.Value.Trim(), CultureInfo.InvariantCulture), At: Translation(t)))
            .ToList();
        Assert.That(counts.Select(c => c.Count), Is.EqualTo(new[] { 2, 1, 1, 3 }), "true positive, false negative, false positive, true negative");
        var (truePositive, falseNegative, falsePositive, trueNegative) = (counts[0].At, counts[1].At, counts[2].At, counts[3].At);
        Assert.That(truePositive.X, Is.LessThan(falseNegative.X), "flagged is the left column");
        Assert.That(truePositive.Y, Is.LessThan(falsePositive.Y), "truly positive is the top row");
        Assert.That((trueNegative.X, trueNegative.Y), Is.EqualTo((falseNegative.X, falsePositive.Y)));
        var texts = Texts(doc);
        Assert.That(texts, Does.Contain("abusive at threshold 0.500"));
        Assert.That(texts, Does.Contain("flagged").And.Contain("not flagged").And.Contain("positive").And.Contain("negative"));
        Assert.That(texts, Does.Contain("66.7% of positives").And.Contain("75.0% of negatives"));
        Assert.That(texts, Does.Contain("model (7 evaluation rows with a known value)"));
    }

    [Test]
    public void ConfusionMatrixFigure_Cells_AreShadedRectanglesDrawnBeneathTheCounts()
    {
        List<(float, bool)> rows = [(0.9f, true), (0.2f, true), (0.6f, false), (0.1f, false)];
        var doc = Parse(ConfusionMatrixFigure.Render(Label("sara", rows)));
        Assert.That(doc.Descendants(Svg + "image"), Is.Empty, "no embedded bitmap");

        // SVG paints in document order: every cell must come before the first count, or it hides the counts.
        var elements = doc.Descendants().ToList();
        var cells = elements.Select((e, i) => (e, i))
            .Where(x => x.e.Name == Svg + "rect" && ((string?)x.e.Attribute("fill"))?.StartsWith('#') == true).Select(x => x.i).ToList();
        var firstCount = elements.FindIndex(e => e.Name == Svg + "text" && e.Attribute("font-weight") is not null && e.Value.Trim() == "1");
        Assert.That(cells, Has.Count.GreaterThanOrEqualTo(3), "shaded cells (a share of 0 is plain white)");
        Assert.That(firstCount, Is.GreaterThan(cells.Max()));
    }

    [Test]
    public void Render_SameFigureTwiceInOneProcess_SameBytes()
    {
        List<(float, bool)> rows = [(0.9f, true), (0.8f, false), (0.3f, true), (0.1f, false)];
        var first = PrecisionRecallFigure.Render(Label("hoax", rows), ChartPalette.Color(0));
        _ = ReliabilityFigure.Render([Label("hoax", rows)]);
        Assert.That(PrecisionRecallFigure.Render(Label("hoax", rows), ChartPalette.Color(0)), Is.EqualTo(first),
            "clip-path ids renumbered per file, not carried over from the figures drawn before");
        Assert.That(first, Does.Contain("clip-path=\"url(#clip1)\""));
    }

    [Test]
    public void Render_AnyFigure_UsesTheEmbeddedFontNotAnInstalledOne()
    {
        List<(float, bool)> rows = [(0.9f, true), (0.1f, false)];
        var doc = Parse(PrecisionRecallFigure.Render(Label("hoax", rows), ChartPalette.Color(0)));
        Assert.That(doc.Descendants(Svg + "text").Select(t => (string?)t.Attribute("font-family")).Distinct(), Is.EqualTo(new[] { "DejaVu Sans" }));
        // The embedded subset has a few hundred glyphs; an installed DejaVu Sans has thousands. Not disposed: ScottPlot
        // keeps the typefaces it hands out in a cache for later figures.
        var typeface = ScottPlot.Fonts.GetTypeface(ReportFont.Name, bold: false, italic: false);
        Assert.That(typeface.GlyphCount, Is.InRange(100, 1000));
    }

    [Test]
    public void Downsample_LongCurve_KeepsEndsAndAtMost200Points()
    {
        var points = Enumerable.Range(0, 1001).ToArray();
        var kept = PointSampler.Downsample(points);
        Assert.That(kept, Has.Count.EqualTo(PointSampler.MaxCurvePoints));
        Assert.That(kept[0], Is.EqualTo(0));
        Assert.That(kept[^1], Is.EqualTo(1000));
        Assert.That(kept, Is.Ordered.Ascending.And.Unique);
        Assert.That(PointSampler.Downsample(points[..50]), Has.Count.EqualTo(50));
    }
}
