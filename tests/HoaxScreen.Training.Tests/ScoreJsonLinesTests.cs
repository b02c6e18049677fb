using System.Text;
using System.Text.Json;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Tests.Shared;
using HoaxScreen.Training.Commands;

namespace HoaxScreen.Training.Tests;

/// <summary>score with JSON Lines input and output, against the committed default model.</summary>
public class ScoreJsonLinesTests
{
    private string _work = null!;
    private List<string> _labels = null!;

    [SetUp]
    public void CreateWorkFolder()
    {
        _work = Directory.CreateTempSubdirectory("hoaxscreen-score-jsonl-").FullName;
        _labels = [.. ModelBundle.ReadManifest(RepoPaths.DefaultModel).Labels.Select(l => l.Name)];
    }

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Score_JsonLinesInputToCsv_EqualsCsvInputToCsv()
    {
        var texts = ScoreInputs.Texts(40);
        var csvInput = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), texts, idPrefix: string.Empty);
        var jsonInput = ScoreInputs.WriteJsonLines(Path.Combine(_work, "posts.jsonl"), texts);

        var fromCsv = Score(csvInput, "from-csv.csv", "--batch-size", "7");
        var fromJson = Score(jsonInput, "from-jsonl.csv");

        Assert.That(File.ReadAllBytes(fromJson), Is.EqualTo(File.ReadAllBytes(fromCsv)));
    }

    [Test]
    public void Score_JsonLinesOutput_OneObjectPerRowWithIdScoresAndFlags()
    {
        var texts = ScoreInputs.Texts(20);
        var csv = File.ReadAllLines(Score(ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), texts), "scores.csv"));
        var jsonl = Score(ScoreInputs.WriteJsonLines(Path.Combine(_work, "posts.jsonl"), texts), "scores.jsonl");

        var lines = File.ReadAllLines(jsonl);
        var expectedKeys = _labels.SelectMany(l => new[] { l, l + "_flagged" }).Prepend("id").Append("flagged").ToArray();
        Assert.That(lines, Has.Length.EqualTo(texts.Length));
        Assert.Multiple(() =>
        {
            for (var row = 0; row < lines.Length; row++)
            {
                using var json = JsonDocument.Parse(lines[row]);
                var properties = json.RootElement.EnumerateObject().ToList();
                Assert.That(properties.Select(p => p.Name), Is.EqualTo(expectedKeys), $"row {row}");
                Assert.That(properties[0].Value.GetInt32(), Is.EqualTo(row), "id as given in the input");

                // The same digits as the CSV (after its id column); flags as booleans.
                var cells = csv[row + 1].Split(',');
                for (var l = 0; l < _labels.Count; l++)
                {
                    Assert.That(json.RootElement.GetProperty(_labels[l]).GetRawText(), Is.EqualTo(cells[1 + (2 * l)]), $"row {row} {_labels[l]}");
                    Assert.That(json.RootElement.GetProperty(_labels[l] + "_flagged").GetBoolean(), Is.EqualTo(cells[2 + (2 * l)] == "1"));
                }

                Assert.That(json.RootElement.GetProperty("flagged").GetBoolean(), Is.EqualTo(cells[^1] == "1"));
            }
        });
    }

    [Test]
    public void Score_JsonLinesOutput_KeepsIdsOfAnyTypeAndOmitsMissingOnes()
    {
        var input = Write("posts.jsonl", """{"id":"a-1","text":"halo semua"}""", """{"text":"tanpa id"}""", """{"text":"id objek","id":{"grup":7, "n":[1,2]}}""");

        var lines = File.ReadAllLines(Score(input, "scores.jsonl"));

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("""{"id":"a-1","""));
            Assert.That(lines[1], Does.StartWith($$"""{"{{_labels[0]}}":"""));
            Assert.That(lines[2], Does.StartWith("""{"id":{"grup":7, "n":[1,2]},"""));
        });
    }

    [Test]
    public void Score_CsvInputToJsonLines_TakesTheIdColumnAsString()
    {
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), ["halo semua", "selamat pagi"]);

        var lines = File.ReadAllLines(Score(input, "scores.ndjson"));

        Assert.That(lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()), Is.EqualTo(new[] { "p0", "p1" }));
    }

    [Test]
    public void Score_JsonLinesWithBlankLinesCrlfAndByteOrderMark_ScoresEachObjectOnce()
    {
        var input = Path.Combine(_work, "posts.jsonl");
        File.WriteAllText(input, "\uFEFF{\"text\":\"satu\"}\r\n\r\n   \n{\"text\":\"dua\"}\r\n{\"text\":\"tiga\"}", new UTF8Encoding(false));

        var output = Score(input, "scores.csv");

        Assert.That(File.ReadAllLines(output), Has.Length.EqualTo(1 + 3));
    }

    [Test]
    public void Score_TextColumnOption_NamesTheJsonField()
    {
        var input = Write("posts.jsonl", """{"text":"bukan ini","isi":"halo semua"}""");
        var named = Score(input, "named.csv", "--text-column", "isi");
        var plain = Score(Write("plain.jsonl", """{"text":"halo semua"}"""), "plain.csv");

        Assert.That(File.ReadAllText(named), Is.EqualTo(File.ReadAllText(plain)));
    }

    [Test]
    public void Score_FormatOption_ReadsJsonLinesWhateverTheExtension()
    {
        var input = Write("export.txt", """{"text":"halo semua"}""", """{"text":"selamat pagi"}""");

        var output = Score(input, "scores.csv", "--format", "jsonl");

        Assert.That(File.ReadAllLines(output), Has.Length.EqualTo(3));
    }

    [Test]
    public void Score_UnknownFormat_ExitsTwo()
    {
        var input = Write("posts.jsonl", """{"text":"halo"}""");

        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", Path.Combine(_work, "o.csv"), "--format", "xml");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.LastError, Is.EqualTo("error: --format must be csv or jsonl, not 'xml'"));
        });
    }

    [TestCase("""{"text":"kutipan tidak ditutup}""", "not valid JSON")]
    [TestCase("""["text","halo"]""", "expected a JSON object, found an array")]
    [TestCase("""{"isi":"halo"}""", "no \"text\" field")]
    [TestCase("""{"text":42}""", "\"text\" is a number, not a string")]
    [TestCase("""{"text":null}""", "\"text\" is null, not a string")]
    [TestCase("""{"text":"halo"} {"text":"lagi"}""", "not valid JSON")]
    public void Score_BadJsonLine_NamesFileAndLineAndWritesNothing(string badLine, string reason)
    {
        var input = Write("posts.jsonl", """{"text":"halo semua"}""", "", badLine, """{"text":"lagi"}""");
        var output = Path.Combine(_work, "scores.csv");
        File.WriteAllText(output, "previous results");

        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", output);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.LastError, Does.StartWith($"error: {input}:3: {reason}"));
            Assert.That(run.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1), "one line");
            Assert.That(File.ReadAllText(output), Is.EqualTo("previous results"));
            Assert.That(Directory.GetFiles(_work).Select(Path.GetFileName), Is.EquivalentTo(new[] { "posts.jsonl", "scores.csv" }), "no partial output left behind");
        });
    }

    [Test]
    public void Score_InvalidUtf8InText_NamesTheLine()
    {
        var input = Path.Combine(_work, "posts.jsonl");
        File.WriteAllBytes(input, [.. Encoding.UTF8.GetBytes("{\"text\":\"halo\"}\n{\"text\":\"kafe "), 0xE9, .. Encoding.UTF8.GetBytes("\"}\n")]);

        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", Path.Combine(_work, "o.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.LastError, Does.StartWith($"error: {input}:2: not valid"));
        });
    }

    [Test]
    public void Score_ExplainToJsonLines_WordsAreArraysMatchingTheCsvCells()
    {
        var texts = ScoreInputs.Awkward[..4];
        var csvOutput = Score(ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), texts), "scores.csv", "--explain", "3");
        var jsonOutput = Score(ScoreInputs.WriteJsonLines(Path.Combine(_work, "posts.jsonl"), texts), "scores.jsonl", "--explain", "3");

        using var csv = CsvRecordReader.Open(csvOutput);
        var header = csv.ReadRecord()!;
        var lines = File.ReadAllLines(jsonOutput);
        Assert.Multiple(() =>
        {
            foreach (var line in lines)
            {
                var row = csv.ReadRecord()!;
                using var json = JsonDocument.Parse(line);
                foreach (var label in _labels)
                {
                    var cell = row[Array.IndexOf(header, label + "_words")];
                    var words = json.RootElement.GetProperty(label + "_words").EnumerateArray().Select(w => w.GetString()).ToArray();
                    Assert.That(words, Is.EqualTo(cell.Length == 0 ? [] : cell.Split(ScoreCommand.WordSeparator)), label);
                }
            }

            using var first = JsonDocument.Parse(lines[0]);
            Assert.That(_labels.SelectMany(l => first.RootElement.GetProperty(l + "_words").EnumerateArray()), Is.Not.Empty,
                "precondition: the clearly abusive post has words behind it");
        });
    }

    private string Write(string name, params string[] lines) => ScoreInputs.WriteLines(Path.Combine(_work, name), lines);

    private string Score(string input, string outputName, params string[] options)
    {
        var output = Path.Combine(_work, outputName);
        var run = ScoreInputs.Score(input, output, options);
        Assert.That(run.Stdout.Trim(), Is.EqualTo(output));
        return output;
    }
}
