using HoaxScreen.Core.Modeling;
using HoaxScreen.Training.Reporting;
using HoaxScreen.Training.Terminal;
using Spectre.Console;

namespace HoaxScreen.Training.Tests;

/// <summary>The Spectre consoles the CLI writes through: plain text unless the writer is a terminal.</summary>
public class TerminalConsoleTests
{
    [Test]
    public void IsTerminal_StringWriter_IsFalse() => Assert.That(TerminalConsole.IsTerminal(new StringWriter()), Is.False);

    [Test]
    public void Over_StringWriter_WritesStyledTextWithoutAnsiCodes()
    {
        var writer = new StringWriter();

        TerminalConsole.Over(writer).Write(new Markup("[bold red]hoax[/] flagged"));

        Assert.That(writer.ToString(), Is.EqualTo("hoax flagged"));
    }

    [Test]
    public void Over_StringWriter_TablesHaveNoBordersAndNeverWrap()
    {
        var writer = new StringWriter();
        var console = TerminalConsole.Over(writer);
        var rows = Enumerable.Range(0, 3).Select(i => ($"label_with_a_long_name_number_{i}_for_width", 0.5, Metrics())).ToList();

        console.Write(MetricsTable.Console(rows, TerminalConsole.TableBorderFor(console)));

        var lines = writer.ToString().TrimEnd().Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(AnsiTerminal.HasEscapes(writer.ToString()), Is.False);
            Assert.That(writer.ToString(), Does.Not.Contain("│").And.Not.Contain("─"));
            Assert.That(lines, Has.Length.EqualTo(4), "a header and one line per label, however wide");
            Assert.That(lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries),
                Is.EqualTo(new[] { "label", "thresh", "precision", "recall", "F1", "ROC", "AUC", "ECE", "Brier", "positives", "rows" }));
            Assert.That(lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries),
                Is.EqualTo(new[] { "label_with_a_long_name_number_0_for_width", "0.500", "0.750", "0.600", "0.667", "n/a", "n/a", "n/a", "5", "20" }));
        });
    }

    [Test]
    public void TableBorderFor_Terminal_IsRounded() =>
        Assert.That(TerminalConsole.TableBorderFor(AnsiTerminal.Over(new StringWriter())), Is.EqualTo(TableBorder.Rounded));

    [Test]
    public void Console_CellWithBrackets_PrintsAsWrittenNotAsMarkup()
    {
        var writer = new StringWriter();

        TerminalConsole.Over(writer).Write(MetricsTable.Console([("[red]label[/]", 0.5, Metrics())], TableBorder.None));

        Assert.That(writer.ToString(), Does.Contain("[red]label[/]"));
    }

    private static LabelMetrics Metrics() => new(Rows: 20, Positives: 5, Precision: 0.75, Recall: 0.6, F1: 2 / 3.0, RocAuc: null, Accuracy: 0.85);
}
