using System.Text.RegularExpressions;
using System.Xml.Linq;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Training.Reporting;

namespace HoaxScreen.Training.Tests;

/// <summary>The report.md of a bundle trained on the tiny fixture, and the SVG figures it links to.</summary>
public partial class TrainingReportTests
{
    private string _work = null!;
    private string _bundle = null!;
    private string _report = null!;

    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny.csv");

    [GeneratedRegex(@"!\[[^\]]*\]\(([^)]+)\)")]
    private static partial Regex ImageLink();

    [OneTimeSetUp]
    public void TrainOnce()
    {
        _work = Directory.CreateTempSubdirectory("hoaxscreen-report-").FullName;
        _bundle = Path.Combine(_work, "bundle");
        var run = CliRun.Of("train", "--data", Fixture, "--out", _bundle);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        _report = File.ReadAllText(Path.Combine(_bundle, ModelBundle.ReportFile));
    }

    [OneTimeTearDown]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    private List<string> ImageLinks() => [.. ImageLink().Matches(_report).Select(m => m.Groups[1].Value)];

    [Test]
    public void Report_EveryImageLink_IsAnSvgFileInTheBundle()
    {
        var links = ImageLinks();
        // One reliability diagram, and a precision-recall curve and a confusion matrix per label.
        Assert.That(links, Has.Count.EqualTo(1 + 2 * 4));
        Assert.That(links, Is.Unique);
        foreach (var link in links)
        {
            Assert.That(Path.IsPathRooted(link), Is.False, link);
            Assert.That(Path.Combine(_bundle, link), Does.Exist, link);
            Assert.That(link, Does.EndWith(".svg"));
        }
    }

    [Test]
    public void Figures_AreWellFormedSvg_AndAllLinkedFromTheReport()
    {
        var files = Directory.GetFiles(Path.Combine(_bundle, ReportFigures.Folder));
        Assert.That(files.Select(f => $"{ReportFigures.Folder}/{Path.GetFileName(f)}"), Is.EquivalentTo(ImageLinks()));
        foreach (var file in files)
        {
            var doc = XDocument.Load(file);
            Assert.That(doc.Root!.Name.LocalName, Is.EqualTo("svg"), file);
            Assert.That(new FileInfo(file).Length, Is.LessThan(20_000), $"{file} should stay small");
        }
    }

    [Test]
    public void Report_ShowsCalibrationAndPerSourceTables()
    {
        Assert.That(_report, Does.Contain("| ECE | Brier |"));
        Assert.That(_report, Does.Contain("## Calibration").And.Contain("## Per source").And.Contain("## Data"));
        Assert.That(_report, Does.Contain("tiny.csv` | hoax | 11 |"), "the fixture's 11 evaluation rows");
    }

    [Test]
    public void Manifest_RecordsEceAndBrierPerLabel()
    {
        var manifest = ModelBundle.ReadManifest(_bundle);
        foreach (var label in manifest.Labels)
        {
            Assert.That(label.Metrics.Ece, Is.Not.Null.And.InRange(0.0, 1.0), label.Name);
            Assert.That(label.Metrics.Brier, Is.Not.Null.And.InRange(0.0, 1.0), label.Name);
        }
    }

    [Test]
    public void Train_SameDataTwice_WritesIdenticalFiguresAndReportBody()
    {
        var second = Path.Combine(_work, "again");
        var run = CliRun.Of("train", "--data", Fixture, "--out", second);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        foreach (var file in Directory.GetFiles(Path.Combine(_bundle, ReportFigures.Folder)))
        {
            var twin = Path.Combine(second, ReportFigures.Folder, Path.GetFileName(file));
            Assert.That(File.ReadAllText(twin), Is.EqualTo(File.ReadAllText(file)), Path.GetFileName(file));
        }

        // The heading (version) and the "Created ..." line carry the time; everything after them must match.
        static string Body(string report) => string.Join('\n', report.Split('\n').Skip(3));
        Assert.That(Body(File.ReadAllText(Path.Combine(second, ModelBundle.ReportFile))), Is.EqualTo(Body(_report)));
        Directory.Delete(second, recursive: true);
    }
}
