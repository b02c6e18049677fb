using System.Text;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// Malformed training data through the CLI, as a user meets it: every failure is one <c>error:</c> line naming the file
/// and the line, exit code 1, and no bundle written. Legal quirks (BOM, CRLF, blank lines, quoted commas and line breaks)
/// train normally.
/// </summary>
public class MalformedCsvTests
{
    private const string Header = "id,text,hoax,hate_speech,abusive,sara";

    private string _work = null!;

    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny.csv");

    [SetUp]
    public void CreateWorkFolder() => _work = Directory.CreateTempSubdirectory("hoaxscreen-csv-").FullName;

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Train_UnclosedQuote_NamesFileAndTheLineTheFieldOpens()
    {
        var csv = Write("unclosed.csv", Header, "a1,halo semua,0,0,0,0", "a2,\"kutipan tidak ditutup,1,0,0,0", "a3,lagi,0,0,0,0");

        AssertFails(csv, ":3: quoted field is never closed");
    }

    [Test]
    public void Train_StrayQuoteInUnquotedField_NamesFileAndLine()
    {
        var csv = Write("stray.csv", Header, "a1,halo semua,0,0,0,0", "a2,kata \"dia\" begitu,1,0,0,0");

        AssertFails(csv, ":3: stray quote");
    }

    [Test]
    public void Train_TextAfterClosingQuote_NamesFileAndLine()
    {
        var csv = Write("after.csv", Header, "a1,\"halo\" semua,0,0,0,0");

        AssertFails(csv, ":2: unexpected text after a closing quote");
    }

    [Test]
    public void Train_InvalidUtf8OnLaterLine_NamesThatLine()
    {
        // Latin-1 "é" (0xE9) on line 4: the reader decodes ahead, but the error must still point at line 4.
        var csv = Path.Combine(_work, "latin1.csv");
        File.WriteAllBytes(csv, [
            .. Encoding.UTF8.GetBytes($"{Header}\na1,halo,0,0,0,0\na2,apa kabar,0,0,0,0\na3,kafe "),
            0xE9,
            .. Encoding.UTF8.GetBytes(" enak,0,0,0,0\n"),
        ]);

        AssertFails(csv, ":4: not valid UTF-8");
    }

    [Test]
    public void Train_Utf16WithoutByteOrderMark_SaysTheEncodingIsWrong()
    {
        var csv = Path.Combine(_work, "utf16.csv");
        File.WriteAllBytes(csv, Encoding.Unicode.GetBytes($"{Header}\na1,halo,1,0,0,0\n"));

        AssertFails(csv, ":1: the header contains NUL characters; the file looks like UTF-16");
    }

    [Test]
    public void Train_MissingTextColumn_NamesFileAndHeaderLine()
    {
        var csv = Write("notext.csv", "id,body,hoax", "1,halo,1");

        AssertFails(csv, ":1: no text column 'text' (columns: id, body, hoax)");
    }

    [Test]
    public void Train_HeaderAfterBlankLines_NamesTheHeaderLine()
    {
        var csv = Write("late-header.csv", "", "", "id,body,hoax", "1,halo,1");

        AssertFails(csv, ":3: no text column");
    }

    [Test]
    public void Train_NoLabelColumns_NamesFileAndHeaderLine()
    {
        var csv = Write("nolabels.csv", "id,text", "1,halo");

        AssertFails(csv, ":1: no label columns");
    }

    [Test]
    public void Train_RecipeMapsMissingColumn_NamesFileAndHeaderLine()
    {
        var csv = Write("mapped.csv", "text,HS", "halo,1");
        var recipe = Path.Combine(_work, "r.recipe.json");
        File.WriteAllText(recipe, """{ "sources": [ { "path": "mapped.csv", "labels": { "sara": "HS_Race" } } ] }""");

        var run = CliRun.Of("train", "--recipe", recipe, "--out", Path.Combine(_work, "bundle"));

        AssertOneLineFailure(run, $"{csv}:1: column 'HS_Race' (mapped to label 'sara') not found");
    }

    [Test]
    public void Train_RepeatedColumn_NamesFileAndHeaderLine()
    {
        var csv = Write("repeated.csv", "text,hoax,abusive,hoax", "halo,1,0,0");

        AssertFails(csv, ":1: column 'hoax' appears 2 times in the header");
    }

    [Test]
    public void Train_RecipeIgnoringARepeatedColumn_ReadsPastTheHeader()
    {
        // A repeated column the recipe does not read is no ambiguity: the run gets past the header (and fails later,
        // for a reason that has nothing to do with it).
        Write("notes.csv", "text,note,HS,note", "halo,a,0,b", "apa kabar,c,0,d");
        var recipe = Path.Combine(_work, "notes.recipe.json");
        File.WriteAllText(recipe, """{ "sources": [ { "path": "notes.csv", "labels": { "hate_speech": "HS" } } ] }""");

        var run = CliRun.Of("train", "--recipe", recipe, "--out", Path.Combine(_work, "bundle"));

        Assert.That(run.LastError, Does.Not.Contain("appears").And.Contain("'hate_speech' has 0 positive"));
    }

    [Test]
    public void Train_UpperCaseLabelColumn_NamesFileAndHeaderLine()
    {
        var csv = Write("upper.csv", "text,Hoax", "halo,1");

        AssertFails(csv, ":1: label name 'Hoax' must be lower case");
    }

    [Test]
    public void Train_EmptyFile_NamesFile()
    {
        var csv = Write("empty.csv");

        AssertFails(csv, ":1: file is empty");
    }

    [Test]
    public void Train_RowWithExtraField_NamesFileAndLine()
    {
        var csv = Write("extra.csv", Header, "a1,halo,0,0,0,0", "a2,halo, semua,0,0,0,0");

        AssertFails(csv, ":3: expected 6 fields, found 7");
    }

    [Test]
    public void Train_RowWithMissingField_NamesFileAndLine()
    {
        var csv = Write("short.csv", Header, "a1,halo,0,0,0");

        AssertFails(csv, ":2: expected 6 fields, found 5");
    }

    [TestCase("2")]
    [TestCase("-1")]
    [TestCase("0.5")]
    [TestCase("ya")]
    [TestCase("positif")]
    public void Train_NonBinaryLabel_NamesFileLineColumnAndValue(string value)
    {
        var csv = Write("labels.csv", Header, "a1,halo,0,0,0,0", "a2,apa kabar,0,0,0,0", $"a3,dasar,0,0,{value},0");

        AssertFails(csv, $":4: column 'abusive' must be 1, 0 or empty, not '{value}'");
    }

    [Test]
    public void Train_CrLfWithBlankLines_ErrorLineCountsEveryPhysicalLine()
    {
        var csv = Path.Combine(_work, "crlf.csv");
        File.WriteAllText(csv, $"{Header}\r\na1,halo,0,0,0,0\r\n\r\n\r\na2,dasar,2,0,0,0\r\n");

        AssertFails(csv, ":5: column 'hoax' must be 1, 0 or empty, not '2'");
    }

    [Test]
    public void Train_QuotedLineBreakBeforeBadRow_ErrorLineCountsEmbeddedLines()
    {
        var csv = Write("multiline.csv", Header, "a1,\"baris satu", "baris dua\",0,0,0,0", "a2,halo,0,0,x,0");

        AssertFails(csv, ":4: column 'abusive' must be 1, 0 or empty, not 'x'");
    }

    [Test]
    public void Train_BomCrLfBlankLinesAndQuotedFields_TrainsLikeThePlainFile()
    {
        // The fixture rewritten with every legal quirk: BOM, CRLF, blank lines between rows, every field quoted.
        var lines = File.ReadAllLines(Fixture);
        var quirky = new StringBuilder("\uFEFF");
        for (var i = 0; i < lines.Length; i++)
        {
            quirky.Append(i == 0 ? lines[i] : string.Join(",", SplitPlain(lines[i]).Select(f => $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\""))).Append("\r\n");
            if (i % 10 == 5)
            {
                quirky.Append("\r\n");
            }
        }

        var csv = Path.Combine(_work, "quirky.csv");
        File.WriteAllText(csv, quirky.ToString(), new UTF8Encoding(false));
        var bundle = Path.Combine(_work, "bundle");

        var run = CliRun.Of("train", "--data", csv, "--out", bundle);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var manifest = ModelBundle.ReadManifest(bundle);
        Assert.Multiple(() =>
        {
            Assert.That(manifest.Sources[0].Rows, Is.EqualTo(60));
            Assert.That(manifest.Labels.Select(l => l.Name), Is.EqualTo(new[] { "hoax", "hate_speech", "abusive", "sara" }));
        });
    }

    [Test]
    public void Score_InvalidUtf8OnLaterLine_NamesFileAndLine()
    {
        var input = Path.Combine(_work, "posts.csv");
        File.WriteAllBytes(input, [.. Encoding.UTF8.GetBytes("id,text\n1,halo\n2,ap"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("a kabar\n")]);
        var output = Path.Combine(_work, "scores.csv");

        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", output);

        AssertOneLineFailure(run, $"{input}:3: not valid UTF-8");
        Assert.That(output, Does.Not.Exist);
    }

    private void AssertFails(string csv, string expected)
    {
        var bundle = Path.Combine(_work, "bundle");
        var run = CliRun.Of("train", "--data", csv, "--out", bundle);

        AssertOneLineFailure(run, csv + expected);
        Assert.That(bundle, Does.Not.Exist, "a failed training writes no bundle");
        Assert.That(Directory.GetDirectories(_work), Is.Empty, "nor any staging folder");
    }

    private static void AssertOneLineFailure(CliRun run, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
            Assert.That(run.LastError, Does.StartWith("error: ").And.Contain(expected));
            Assert.That(run.Stderr, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, lines.Length == 0 ? string.Empty : string.Join("\n", lines) + "\n");
        return path;
    }

    /// <summary>Splits a fixture line (quoted fields hold commas) into its field values.</summary>
    private static IEnumerable<string> SplitPlain(string line)
    {
        using var reader = new HoaxScreen.Core.Data.CsvRecordReader(new StringReader(line), "line");
        return reader.ReadRecord()!;
    }
}
