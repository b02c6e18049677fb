using System.Text;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Core.Tests;

public class CsvRecordReaderTests
{
    private static List<(int Line, string[] Fields)> ReadAll(string csv)
    {
        using var reader = new CsvRecordReader(new StringReader(csv), "test.csv");
        var records = new List<(int, string[])>();
        while (reader.ReadRecord() is { } record)
        {
            records.Add((reader.RecordLine, record));
        }

        return records;
    }

    [Test]
    public void ReadRecord_QuotedFieldsWithCommasAndQuotes_Unescapes()
    {
        var records = ReadAll("text,hoax\n\"halo, \"\"gaes\"\" 😂\",1\n");
        Assert.That(records[1].Fields, Is.EqualTo(new[] { "halo, \"gaes\" 😂", "1" }));
    }

    [Test]
    public void ReadRecord_EmbeddedLineBreak_KeepsItAndCountsLines()
    {
        var records = ReadAll("text\n\"baris satu\nbaris dua\"\nberikutnya\n");
        Assert.That(records[1].Fields[0], Is.EqualTo("baris satu\nbaris dua"));
        Assert.That(records[2].Line, Is.EqualTo(4));
    }

    [Test]
    public void ReadRecord_CrLfAndBlankLines_ReadsSameRecords()
    {
        var records = ReadAll("text,hoax\r\n\r\nsatu,0\r\ndua,1\r\n\r\n");
        Assert.That(records.Select(r => r.Fields[0]), Is.EqualTo(new[] { "text", "satu", "dua" }));
    }

    [Test]
    public void ReadRecord_UnclosedQuote_ThrowsNamingFileAndLine()
    {
        var ex = Assert.Throws<DataFormatException>(() => ReadAll("text\nok\n\"tidak ditutup\n"));
        Assert.That(ex!.Message, Does.StartWith("test.csv:3:").And.Contain("never closed"));
    }

    [Test]
    public void ReadRecord_StrayQuoteInUnquotedField_Throws()
    {
        var ex = Assert.Throws<DataFormatException>(() => ReadAll("text\nkata \"kutip\" di tengah\n"));
        Assert.That(ex!.Message, Does.StartWith("test.csv:2:"));
    }

    [Test]
    public void Open_FileWithBom_StripsIt()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "text,hoax\nhalo,0\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        using (var reader = CsvRecordReader.Open(path))
        {
            Assert.That(reader.ReadRecord()![0], Is.EqualTo("text"));
        }

        File.Delete(path);
    }

    [Test]
    public void Open_InvalidUtf8_ThrowsNamingTheFile()
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, [.. "text\nhal"u8.ToArray(), 0xC3, 0x28, (byte)'\n']);
        using var reader = CsvRecordReader.Open(path);
        var ex = Assert.Throws<DataFormatException>(() =>
        {
            while (reader.ReadRecord() is not null)
            {
            }
        });
        Assert.That(ex!.Message, Does.Contain(path).And.Contain("UTF-8"));
        File.Delete(path);
    }

    [Test]
    public void Escape_ValueNeedingQuotes_RoundTripsThroughReader()
    {
        var value = "kata \"kutip\", koma\nbaris";
        var records = ReadAll("text\n" + CsvText.Escape(value) + "\n");
        Assert.That(records[1].Fields[0], Is.EqualTo(value));
        Assert.That(CsvText.Escape("biasa"), Is.EqualTo("biasa"));
    }

    [TestCase("\n")]
    [TestCase("\r\n")]
    public void ReadRecord_RecordsAcrossManyReadBlocks_MatchWhatWasWritten(string lineEnd)
    {
        // Quotes, doubled quotes, commas and line breaks at every offset, so some fall on the reader's block boundaries.
        var random = new Random(lineEnd.Length);
        const string alphabet = "ab ,\"\n\r\u00e9😂";
        var expected = Enumerable.Range(0, 3_000)
            .Select(_ => Enumerable.Range(0, 3).Select(_ => new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])])).ToArray())
            .Select(fields => fields.Select(f => f.Replace("\r", string.Empty, StringComparison.Ordinal)).ToArray())
            .Where(fields => fields.Any(f => f.Length > 0))
            .ToList();
        var csv = new StringBuilder();
        var line = 1;
        var lines = new List<int>();
        foreach (var fields in expected)
        {
            lines.Add(line);
            csv.Append(string.Join(',', fields.Select(CsvText.Escape))).Append(lineEnd);
            line += 1 + fields.Sum(f => f.Count(c => c == '\n'));
        }

        var records = ReadAll(csv.ToString());

        Assert.That(csv.Length, Is.GreaterThan(4 * (1 << 14)));
        Assert.That(records.Select(r => r.Fields), Is.EqualTo(expected));
        Assert.That(records.Select(r => r.Line), Is.EqualTo(lines));
    }
}
