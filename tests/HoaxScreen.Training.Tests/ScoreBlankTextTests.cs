using System.Text;
using System.Text.Json;
using HoaxScreen.Core.Data;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// score keeps one output row per input row, so a blank text is scored, not skipped; a text of only control or
/// zero-width characters is handled the same way, with the same scores as an empty text.
/// </summary>
public class ScoreBlankTextTests
{
    private static readonly string[] InvisibleTexts = ["", "\u0000", "\u0001\u0002", "\u200B", "\t\n", "\uFEFF\u202E"];

    private string _work = null!;

    [SetUp]
    public void CreateWorkFolder() => _work = Directory.CreateTempSubdirectory("hoaxscreen-score-blank-").FullName;

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Score_CsvControlOrZeroWidthOnlyTexts_OneRowEachWithTheScoresOfAnEmptyText()
    {
        var input = Path.Combine(_work, "posts.csv");
        var rows = InvisibleTexts.Append("halo semua").Select((t, i) => $"r{i},\"{t}\"\n");
        File.WriteAllText(input, "id,text\n" + string.Concat(rows), new UTF8Encoding(false));

        var output = Score(input, "scores.csv", "--explain", "3");

        using var reader = CsvRecordReader.Open(output);
        reader.ReadRecord();
        var scores = new List<string[]>();
        while (reader.ReadRecord() is { } row)
        {
            scores.Add(row);
        }

        Assert.Multiple(() =>
        {
            Assert.That(scores.Select(r => r[0]), Is.EqualTo(InvisibleTexts.Append("halo semua").Select((_, i) => $"r{i}")), "one row per input row, in order");
            Assert.That(scores.Take(InvisibleTexts.Length).Select(r => string.Join(',', r.Skip(1))).Distinct(), Has.Exactly(1).Items, "the same scores as the empty text");
            Assert.That(scores[^1].Skip(1), Is.Not.EqualTo(scores[0].Skip(1)), "precondition: a real post scores differently");
        });
    }

    [Test]
    public void Score_JsonLinesControlOrZeroWidthOnlyTexts_ScoredLikeAnEmptyText()
    {
        var input = Path.Combine(_work, "posts.jsonl");
        File.WriteAllText(input, string.Concat(InvisibleTexts.Select((t, i) => JsonSerializer.Serialize(new { id = i, text = t }) + "\n")), new UTF8Encoding(false));

        var lines = File.ReadAllLines(Score(input, "scores.jsonl"));

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(InvisibleTexts.Length));
            Assert.That(lines.Select(l => l[l.IndexOf(',', StringComparison.Ordinal)..]).Distinct(), Has.Exactly(1).Items);
        });
    }

    private string Score(string input, string outputName, params string[] options)
    {
        var output = Path.Combine(_work, outputName);
        ScoreInputs.Score(input, output, options);
        return output;
    }
}
