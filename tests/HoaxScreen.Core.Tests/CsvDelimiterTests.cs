using HoaxScreen.Core.Data;

namespace HoaxScreen.Core.Tests;

/// <summary>CSV files separated by ',' ';' or tab: the separator detected from the header line, or given.</summary>
public class CsvDelimiterTests
{
    [TestCase("id,text,hoax", ',')]
    [TestCase("id;text;hoax", ';')]
    [TestCase("id\ttext\thoax", '\t')]
    [TestCase("text", ',')]
    [TestCase("\"isi, pesan\";id", ';')]
    [TestCase("\"a;b;c\",id", ',')]
    [TestCase("id;text\n1,2,3,4,5", ';')]
    [TestCase("\r\n\nid;text", ';')]
    public void Detect_HeaderLine_CountsSeparatorsOutsideQuotesOnTheFirstLine(string text, char expected)
    {
        Assert.That(CsvDelimiters.Detect(text), Is.EqualTo(expected));
    }

    [TestCase(",", ',')]
    [TestCase(";", ';')]
    [TestCase("tab", '\t')]
    [TestCase("TAB", '\t')]
    [TestCase("\t", '\t')]
    [TestCase("semicolon", ';')]
    [TestCase("|", null)]
    [TestCase("", null)]
    public void Parse_Name_ReturnsTheSeparatorOrNull(string name, char? expected)
    {
        Assert.That(CsvDelimiters.Parse(name), Is.EqualTo(expected));
    }

    [Test]
    public void ReadRecord_DetectedSemicolon_KeepsCommasAndQuotedSemicolonsInFields()
    {
        var records = ReadAll("id;text\n1;halo, semua\n2;\"kata dia; \"\"info valid\"\"\"\n", delimiter: null);

        Assert.That(records, Is.EqualTo(new[]
        {
            new[] { "id", "text" },
            new[] { "1", "halo, semua" },
            new[] { "2", "kata dia; \"info valid\"" },
        }));
    }

    [Test]
    public void ReadRecord_DetectedTab_SplitsOnTabsOnly()
    {
        var records = ReadAll("id\ttext\n1\thalo, semua; ya\n", delimiter: null);

        Assert.That(records[1], Is.EqualTo(new[] { "1", "halo, semua; ya" }));
    }

    [Test]
    public void ReadRecord_DetectedComma_QuotedCommaStaysInTheField()
    {
        var records = ReadAll("id,text\n1,\"halo, semua\"\n", delimiter: null);

        Assert.That(records[1], Is.EqualTo(new[] { "1", "halo, semua" }));
    }

    [Test]
    public void ReadRecord_GivenSemicolon_OverridesAHeaderWithMoreCommas()
    {
        var records = ReadAll("\"a,b,c\";text\nx;halo, semua\n", delimiter: ';');

        Assert.That(records[1], Is.EqualTo(new[] { "x", "halo, semua" }));
    }

    [Test]
    public void ReadRecord_Default_StaysCommaSeparated()
    {
        var records = ReadAll("id;text\n1;halo\n");

        Assert.That(records[1], Is.EqualTo(new[] { "1;halo" }));
    }

    [Test]
    public void Delimiter_AfterDetecting_IsTheDetectedOne()
    {
        using var reader = new CsvRecordReader(new StringReader("id;text\n1;halo\n"), "test.csv", delimiter: null);
        reader.ReadRecord();

        Assert.That(reader.Delimiter, Is.EqualTo(';'));
    }

    private static List<string[]> ReadAll(string csv, char? delimiter = ',')
    {
        using var reader = new CsvRecordReader(new StringReader(csv), "test.csv", delimiter);
        var records = new List<string[]>();
        while (reader.ReadRecord() is { } record)
        {
            records.Add(record);
        }

        return records;
    }
}
