using System.Xml.Linq;
using HoaxScreen.Core.Evaluation;
using HoaxScreen.Training.Evaluation;
using HoaxScreen.Training.Reporting;

namespace HoaxScreen.Training.Tests;

public class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static int PointCount(XElement polyline) =>
        polyline.Attribute("points")!.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [Test]
    public void Render_Chart_IsWellFormedSvgWithEveryPolylinePoint()
    {
        var svg = new SvgChart(300, 200, "a & b <test>")
            .Area(40, 30, 240, 140, (0, 1), (0, 1))
            .Axes("recall", "precision", [0, 0.5, 1], [0, 0.5, 1])
            .Polyline([(0, 0), (0.25, 0.5), (0.5, 0.75), (1, 1)], "#0072B2")
            .Marker(0.5, 0.5, "#000000", note: "t = 0.5")
            .Legend(50, 190, [("curve", "#0072B2", false), ("chance", "#888888", true)])
            .Cell(10, 10, 50, 30, "#ffffff", ["12", "true positive"])
            .Render();

        var doc = XDocument.Parse(svg);
        Assert.That(doc.Root!.Name, Is.EqualTo(Svg + "svg"));
        var polyline = doc.Descendants(Svg + "polyline").Single();
        Assert.That(PointCount(polyline), Is.EqualTo(4));
        Assert.That(doc.Descendants(Svg + "title").Single().Value, Is.EqualTo("a & b <test>"));
    }

    [Test]
    public void Polyline_MapsDataIntoThePlotArea()
    {
        var svg = new SvgChart(300, 200, "t").Area(40, 30, 200, 100, (0, 1), (0, 1)).Polyline([(0, 0), (1, 1)], "#000000").Render();
        var points = XDocument.Parse(svg).Descendants(Svg + "polyline").Single().Attribute("points")!.Value;
        Assert.That(points, Is.EqualTo("40,130 240,30"));
    }

    [Test]
    public void Render_SameInput_SameBytes()
    {
        static string Draw() => new SvgChart(100, 100, "t").Area(10, 10, 80, 80, (0, 1), (0, 1))
            .Polyline([(0.123456, 0.654321), (1.0 / 3, 2.0 / 3)], "#000000").Render();
        Assert.That(Draw(), Is.EqualTo(Draw()));
        Assert.That(Draw(), Does.Contain("19.9,37.7"), "pixels carry at most one decimal, invariant culture");
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

    [Test]
    public void PrecisionRecallFigure_ManyDistinctScores_DrawsAtMost200CurvePoints()
    {
        var rows = Enumerable.Range(0, 1000).Select(i => ((float)(i / 1000.0), i % 3 == 0)).ToList();
        var label = new LabelEvaluation("hoax", 0.5, rows, BinaryMetricsCalculator.Compute(rows, 0.5));
        var doc = XDocument.Parse(PrecisionRecallFigure.Render(label, "#0072B2"));
        var curve = doc.Descendants(Svg + "polyline").Single(p => p.Attribute("stroke")!.Value == "#0072B2");
        Assert.That(PointCount(curve), Is.EqualTo(PointSampler.MaxCurvePoints));
        Assert.That(doc.Descendants(Svg + "circle").Count(), Is.EqualTo(1), "the threshold's point");
    }

    [Test]
    public void PrecisionRecallFigure_FewScores_DrawsOnePointPerDistinctScore()
    {
        List<(float, bool)> rows = [(0.9f, true), (0.8f, false), (0.8f, true), (0.3f, true), (0.1f, false)];
        var label = new LabelEvaluation("sara", 0.5, rows, BinaryMetricsCalculator.Compute(rows, 0.5));
        var doc = XDocument.Parse(PrecisionRecallFigure.Render(label, "#D55E00"));
        var curve = doc.Descendants(Svg + "polyline").Single(p => p.Attribute("stroke")!.Value == "#D55E00");
        Assert.That(PointCount(curve), Is.EqualTo(4));
    }

    [Test]
    public void PrecisionRecallFigure_NoPositives_SaysSoInsteadOfACurve()
    {
        List<(float, bool)> rows = [(0.9f, false), (0.1f, false)];
        var label = new LabelEvaluation("sara", 0.5, rows, BinaryMetricsCalculator.Compute(rows, 0.5));
        var doc = XDocument.Parse(PrecisionRecallFigure.Render(label, "#D55E00"));
        Assert.That(doc.Descendants(Svg + "polyline"), Is.Empty);
        Assert.That(doc.Descendants(Svg + "text").Select(t => t.Value), Has.Some.Contains("no positive rows"));
    }

    [Test]
    public void ReliabilityFigure_DrawsDiagonalAndOneCurvePerLabel()
    {
        List<(float, bool)> a = [(0.05f, false), (0.15f, false), (0.95f, true)];
        List<(float, bool)> b = [(0.35f, true), (0.45f, false)];
        var labels = new[]
        {
            new LabelEvaluation("hoax", 0.5, a, BinaryMetricsCalculator.Compute(a, 0.5)),
            new LabelEvaluation("sara", 0.5, b, BinaryMetricsCalculator.Compute(b, 0.5)),
        };
        var doc = XDocument.Parse(ReliabilityFigure.Render(labels));
        var polylines = doc.Descendants(Svg + "polyline").ToList();
        Assert.That(polylines.Select(PointCount), Is.EqualTo(new[] { 2, 3, 2 }), "diagonal, then one point per non-empty bin");
        Assert.That(doc.Descendants(Svg + "circle").Count(), Is.EqualTo(5));
    }

    [Test]
    public void ConfusionMatrixFigure_ShowsTheFourCounts()
    {
        // tp=2, fn=1, fp=1, tn=3
        List<(float, bool)> rows = [(0.9f, true), (0.7f, true), (0.2f, true), (0.6f, false), (0.1f, false), (0.3f, false), (0.4f, false)];
        var label = new LabelEvaluation("abusive", 0.5, rows, BinaryMetricsCalculator.Compute(rows, 0.5));
        var doc = XDocument.Parse(ConfusionMatrixFigure.Render(label));
        Assert.That(doc.Descendants(Svg + "rect").Count(r => r.Attribute("x") is not null), Is.EqualTo(4));
        var boldNumbers = doc.Descendants(Svg + "text")
            .Where(t => t.Attribute("font-weight") is not null && int.TryParse(t.Value, out _))
            .Select(t => int.Parse(t.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(boldNumbers, Is.EqualTo(new[] { 2, 1, 1, 3 }));
    }
}
