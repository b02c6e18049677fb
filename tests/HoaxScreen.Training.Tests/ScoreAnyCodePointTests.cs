using System.Text;
using HoaxScreen.Core.Data;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// score reads any text: posts of random code points from every plane (noncharacters such as U+FFFE, private use,
/// unassigned, controls) come out as one scored row each, with explanations, and the run exits 0. U+FFFE once threw from
/// Unicode folding. Deterministic for a seed; set HOAXSCREEN_FUZZ_SEED to try another.
/// </summary>
public class ScoreAnyCodePointTests
{
    private string _work = null!;

    [SetUp]
    public void CreateWorkFolder() => _work = Directory.CreateTempSubdirectory("hoaxscreen-score-any-").FullName;

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Score_RandomCodePointsFromEveryPlane_EveryRowScored()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HOAXSCREEN_FUZZ_SEED"), out var s) ? s : 20261206;
        var random = new Random(seed);
        var texts = new List<string> { "\uFFFE", "dasar anjing \uFFFF lu", "\uFDD0\U0010FFFF", "Ⓐⓝⓙⓘⓝⓖ" };
        while (texts.Count < 300)
        {
            var text = new StringBuilder();
            for (var n = random.Next(1, 30); n > 0; n--)
            {
                var value = random.Next(1, 0x110000);
                text.Append(value is >= 0xD800 and <= 0xDFFF ? "kata " : char.ConvertFromUtf32(value));
            }

            texts.Add(text.ToString());
        }

        var input = ScoreInputs.WriteJsonLines(Path.Combine(_work, "posts.jsonl"), texts);
        var output = Path.Combine(_work, "scores.csv");

        ScoreInputs.Score(input, output, "--explain", "3");

        using var reader = CsvRecordReader.Open(output);
        reader.ReadRecord();
        var rows = 0;
        while (reader.ReadRecord() is not null)
        {
            rows++;
        }

        Assert.That(rows, Is.EqualTo(texts.Count), $"seed {seed}");
    }
}
