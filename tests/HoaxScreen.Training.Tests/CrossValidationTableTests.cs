using HoaxScreen.Core.Modeling;
using HoaxScreen.Training.Reporting;
using HoaxScreen.Training.Terminal;
using Spectre.Console;

namespace HoaxScreen.Training.Tests;

/// <summary>The cross-validation summary on a console: the same figures as the Markdown report, as tables.</summary>
public class CrossValidationTableTests
{
    private static readonly CrossValidationSummary Summary = new(
        3,
        "fold rule",
        [new LabelCrossValidation("hoax", 60, 11, new(0.667, 0.577), new(0.389, 0.347), new(0.489, 0.429), null,
            [new SourceCrossValidation("tiny.csv", 60, 11, new(0.489, 0.429), new(0.992, 0.014))])],
        [new CleanFlagRate("hoax", "tiny.csv", SourceKnowsLabel: false, CleanPosts: 27, Flagged: 1)]);

    [Test]
    public void Console_NotATerminal_OneLinePerLabelAndSourceWithMeanAndSpread()
    {
        var writer = new StringWriter();

        TerminalConsole.Over(writer).Write(CrossValidationTable.Console(Summary, TableBorder.None));

        var lines = writer.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("3-fold cross-validation (fold rule)"));
            Assert.That(lines, Has.Some.Match(@"^hoax +all +60 +11 +0\.667 ± 0\.577 +0\.389 ± 0\.347 +0\.489 ± 0\.429 +n/a$"));
            Assert.That(lines, Has.Some.Match(@"^ +tiny\.csv +60 +11 +0\.489 ± 0\.429 +0\.992 ± 0\.014$"));
            Assert.That(lines, Has.Some.Match(@"^hoax +3\.7 ?% \(1/27\) \*$"));
        });
    }
}
