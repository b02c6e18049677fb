using System.Text;
using System.Text.Json;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Tests.Shared;
using HoaxScreen.Training.BulkScoring;

namespace HoaxScreen.Training.Tests;

/// <summary>score copies the input's ids into the output as its first column (CSV) or first field (JSON Lines).</summary>
public class ScoreIdColumnTests
{
    private string _work = null!;
    private string[] _scoreColumns = null!;

    [SetUp]
    public void CreateWorkFolder()
    {
        _work = Directory.CreateTempSubdirectory("hoaxscreen-score-id-").FullName;
        var labels = ModelBundle.ReadManifest(RepoPaths.DefaultModel).Labels.Select(l => l.Name);
        _scoreColumns = [.. labels.SelectMany(l => new[] { l, l + "_flagged" }).Append("flagged")];
    }

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Score_CsvIdColumnAfterText_IsFirstInCsvOutputWithIdsAsWritten()
    {
        var input = Write("posts.csv", "text,ID,tanggal", "halo semua,\"a,1\",2026-11-30", "selamat pagi,\"kata \"\"x\"\"\",2026-11-30", "apa kabar,,2026-11-30");

        var (header, rows) = ReadCsv(Score(input, "scores.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(header, Is.EqualTo(_scoreColumns.Prepend("id").ToArray()));
            Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[] { "a,1", "kata \"x\"", string.Empty }));
            Assert.That(rows, Has.All.Length.EqualTo(header.Length));
        });
    }

    [Test]
    public void Score_CsvWithoutIdColumn_CsvOutputHasNoIdColumn()
    {
        var input = Write("posts.csv", "text,sumber", "halo semua,wa", "selamat pagi,fb");

        var (header, rows) = ReadCsv(Score(input, "scores.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(header, Is.EqualTo(_scoreColumns));
            Assert.That(rows, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Score_CsvIdColumn_IsTheFirstFieldOfJsonLinesOutput()
    {
        var input = Write("posts.csv", "text,id", "halo semua,wa-1", "selamat pagi,wa-2");

        var lines = File.ReadAllLines(Score(input, "scores.jsonl"));

        Assert.That(
            lines.Select(l => JsonDocument.Parse(l).RootElement.EnumerateObject().First()).Select(p => (p.Name, p.Value.GetString())),
            Is.EqualTo(new[] { ("id", "wa-1"), ("id", "wa-2") }));
    }

    [Test]
    public void Score_JsonLinesIdsToCsv_StringsAsTheirTextOthersAsWrittenMissingEmpty()
    {
        var input = Write(
            "posts.jsonl",
            """{"id":"a-1","text":"halo semua"}""",
            """{"text":"tanpa id"}""",
            """{"id":7,"text":"id angka"}""",
            """{"text":"id dengan koma","id":"x, \"y\" \u00e9"}""",
            """{"text":"id objek","id":{"grup":7}}""");

        var (header, rows) = ReadCsv(Score(input, "scores.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(header[0], Is.EqualTo("id"));
            Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[] { "a-1", string.Empty, "7", "x, \"y\" é", """{"grup":7}""" }));
            Assert.That(rows, Has.All.Length.EqualTo(header.Length));
        });
    }

    [Test]
    public void Score_JsonLinesFirstPostWithoutId_CsvOutputHasNoIdColumn()
    {
        var input = Write("posts.jsonl", """{"text":"halo semua"}""", """{"text":"selamat pagi","id":"b"}""");

        var (header, _) = ReadCsv(Score(input, "scores.csv"));

        Assert.That(header, Is.EqualTo(_scoreColumns));
    }

    [Test]
    public void Score_JsonLinesFirstPostWithoutId_JsonLinesOutputStillKeepsLaterIds()
    {
        var input = Write("posts.jsonl", """{"text":"halo semua"}""", """{"text":"selamat pagi","id":"b"}""");

        var lines = File.ReadAllLines(Score(input, "scores.jsonl"));

        Assert.Multiple(() =>
        {
            Assert.That(JsonDocument.Parse(lines[0]).RootElement.TryGetProperty("id", out _), Is.False);
            Assert.That(lines[1], Does.StartWith("""{"id":"b","""));
        });
    }

    [Test]
    public void Score_CsvOutputWithIds_ScoreColumnsEqualOutputWithoutIds()
    {
        // Without other columns, an empty text would be a blank line, which CSV readers skip.
        var texts = ScoreInputs.Texts(30).Where(t => t.Length > 0).ToArray();
        var withIds = File.ReadAllLines(Score(ScoreInputs.WriteCsv(Path.Combine(_work, "with-ids.csv"), texts), "with-ids-scores.csv"));
        var withoutIds = Path.Combine(_work, "without-ids.csv");
        File.WriteAllText(withoutIds, "text\n" + string.Concat(texts.Select(t => CsvText.Escape(t) + "\n")), new UTF8Encoding(false));

        var plain = File.ReadAllLines(Score(withoutIds, "without-ids-scores.csv"));

        Assert.That(withIds.Select(line => line[(line.IndexOf(',', StringComparison.Ordinal) + 1)..]), Is.EqualTo(plain));
    }

    [Test]
    public void Mismatch_CheckpointOfAnEarlierFormat_RefusesToResume()
    {
        var input = Write("posts.csv", "id,text", "1,halo");
        var model = ScoringModelFingerprint();
        var current = new ScoreCheckpoint(ScoreCheckpoint.CurrentFormat, 0, 0, 0, new InputFingerprint(input, "ab"), model, new ScoreSettings("csv", ",", "csv", "text", 0));

        var reason = (current with { Format = 1 }).Mismatch(current);

        Assert.That(reason, Does.Contain("another version of the tool (checkpoint format 1)"));
    }

    private static ModelFingerprint ScoringModelFingerprint() => new("v", "0");

    private string Write(string name, params string[] lines) => ScoreInputs.WriteLines(Path.Combine(_work, name), lines);

    private string Score(string input, string outputName)
    {
        var output = Path.Combine(_work, outputName);
        ScoreInputs.Score(input, output);
        return output;
    }

    private static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        using var reader = CsvRecordReader.Open(path);
        var header = reader.ReadRecord()!;
        var rows = new List<string[]>();
        while (reader.ReadRecord() is { } row)
        {
            rows.Add(row);
        }

        return (header, rows);
    }
}
