using System.Globalization;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Tests.Shared;
using HoaxScreen.Training.Commands;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// score --explain N against the committed default model. The model is retrained from time to time, so the tests use
/// clearly abusive posts, check a row is flagged before looking at its words, and otherwise assert what holds for any model.
/// </summary>
public class ScoreCommandExplainTests
{
    private static readonly string[] Texts =
    [
        "dasar goblok lu anjing, otak udang bgt sih, bacot doang bangsat!",
        "selamat pagi semua, semoga sehat selalu",
        "dasar a*jing lu, b4b1 😡",
        "Rapat RT malam ini jam 19.30 di balai warga, mohon hadir tepat waktu",
        "dasar k a f i r laknat, usir aja dari kampung ini",
        "SEBARKAN!! besok gempa besar jam 9, info valid grup sebelah \"kata BMKG\"",
        "anjing lo anjing banget, dasar anjing, ANJING",
    ];

    /// <summary>The input has an id column, so the output starts with one.</summary>
    private const int IdColumns = 1;

    private string _work = null!;
    private string _input = null!;
    private List<string> _labels = null!;

    [SetUp]
    public void CreateWorkFolder()
    {
        _work = Directory.CreateTempSubdirectory("hoaxscreen-score-explain-").FullName;
        _input = Path.Combine(_work, "posts.csv");
        File.WriteAllText(_input, "id,text\n" + string.Concat(Texts.Select((t, i) => $"{i},{CsvText.Escape(t)}\n")));
        _labels = [.. ModelBundle.ReadManifest(RepoPaths.DefaultModel).Labels.Select(l => l.Name)];
    }

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Score_Explain_AppendsOneWordsColumnPerLabel()
    {
        var (header, rows) = Score("--explain", "3");

        Assert.Multiple(() =>
        {
            Assert.That(header, Is.EqualTo(_labels.SelectMany(l => new[] { l, l + "_flagged" }).Prepend("id").Append("flagged")
                .Concat(_labels.Select(l => l + "_words")).ToArray()));
            Assert.That(rows, Has.Count.EqualTo(Texts.Length));
            Assert.That(rows, Has.All.Length.EqualTo(header.Length));
        });
    }

    [Test]
    public void Score_Explain_FlaggedLabelsHaveWordsFromTheirPost()
    {
        var (_, rows) = Score("--explain", "5", "--batch-size", "2");
        Assert.That(Flagged(rows[0], "abusive"), Is.True, "precondition: a clearly abusive post is not flagged abusive");

        Assert.Multiple(() =>
        {
            for (var r = 0; r < rows.Count; r++)
            {
                foreach (var label in _labels.Where(l => Flagged(rows[r], l)))
                {
                    var words = Words(rows[r], label);
                    Assert.That(words, Has.Count.InRange(0, 5), $"row {r} {label}");
                    Assert.That(words, Is.Unique, $"row {r} {label}");
                    foreach (var word in words)
                    {
                        Assert.That(Texts[r], Does.Contain(word), $"row {r} {label}");
                    }
                }
            }

            Assert.That(_labels.SelectMany(l => Words(rows[0], l)), Is.Not.Empty, "no words for any label of the abusive post");
        });
    }

    [Test]
    public void Score_Explain_UnflaggedLabelsHaveEmptyWords()
    {
        var (_, rows) = Score("--explain", "5");

        Assert.Multiple(() =>
        {
            for (var r = 0; r < rows.Count; r++)
            {
                foreach (var label in _labels.Where(l => !Flagged(rows[r], l)))
                {
                    Assert.That(rows[r][WordsColumn(label)], Is.Empty, $"row {r} {label}");
                }
            }
        });
    }

    [Test]
    public void Score_ExplainOne_WritesAtMostOneWordPerLabel()
    {
        var (_, rows) = Score("--explain", "1");

        Assert.That(rows.SelectMany(row => _labels.Select(l => Words(row, l).Count)), Has.All.LessThanOrEqualTo(1));
    }

    [Test]
    public void Score_ObfuscatedPost_WordsAreWrittenAsInTheOriginal()
    {
        var (_, rows) = Score("--explain", "20");
        var words = _labels.SelectMany(l => Words(rows[2], l)).Concat(_labels.SelectMany(l => Words(rows[4], l))).ToList();
        Assert.That(rows[2][IdColumns + (_labels.Count * 2)], Is.EqualTo("1"), "precondition: 'dasar a*jing lu, b4b1' is not flagged");

        Assert.Multiple(() =>
        {
            Assert.That(words, Has.Some.AnyOf("a*jing", "b4b1", "k a f i r"), string.Join(", ", words));
            Assert.That(words, Has.None.AnyOf("anjing", "babi", "kafir"), "normalised forms instead of the original spellings");
        });
    }

    [Test]
    public void Score_ExplainTwentyOnRepeatedWord_WritesTheWordOnceAsFirstWritten()
    {
        var (_, rows) = Score("--explain", "20");
        var row = rows[^1];
        Assert.That(Flagged(row, "abusive"), Is.True, "precondition: a post repeating anjing is not flagged abusive");

        var words = Words(row, "abusive");

        Assert.Multiple(() =>
        {
            Assert.That(words.Count(w => w.Equals("anjing", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(1), string.Join(", ", words));
            Assert.That(words, Does.Contain("anjing"), "the first occurrence as written");
        });
    }

    [Test]
    public void Score_Explain_ScoreColumnsEqualOutputWithoutExplain()
    {
        var plainOutput = Path.Combine(_work, "plain.csv");
        var plain = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", plainOutput);
        Assert.That(plain.ExitCode, Is.EqualTo(0), plain.Stderr);
        var plainLines = File.ReadAllLines(plainOutput);

        var (header, rows) = Score("--explain", "5");

        var scoreColumns = header.Length - _labels.Count;
        var rebuilt = new[] { header }.Concat(rows).Select(r => string.Join(',', r.Take(scoreColumns)));
        Assert.That(rebuilt, Is.EqualTo(plainLines));
    }

    [Test]
    public void Score_WithoutExplain_WritesNoWordsColumns()
    {
        var output = Path.Combine(_work, "scores.csv");
        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", output);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);

        var header = File.ReadLines(output).First();
        Assert.That(header, Is.EqualTo(string.Join(',', _labels.SelectMany(l => new[] { l, l + "_flagged" }).Prepend("id").Append("flagged"))));
    }

    [TestCase("0")]
    [TestCase("21")]
    [TestCase("-1")]
    [TestCase("lima")]
    [TestCase("2.5")]
    public void Score_ExplainOutOfRange_ExitsTwoAndWritesNothing(string value)
    {
        var output = Path.Combine(_work, "scores.csv");

        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", output, $"--explain={value}");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.LastError, Is.EqualTo($"error: --explain must be a whole number from 1 to {ScoreCommand.MaxExplainWords}"));
            Assert.That(output, Does.Not.Exist);
        });
    }

    [Test]
    public void Score_ExplainWithoutValue_ExitsTwo()
    {
        var output = Path.Combine(_work, "scores.csv");

        var run = CliRun.Of("score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", output, "--explain");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.LastError, Does.Contain("--explain needs a value"));
        });
    }

    [Test]
    public void Help_Always_MentionsExplain()
    {
        Assert.That(CliRun.Of("score", "--help").Stdout, Does.Contain("--explain <N>"));
    }

    private (string[] Header, List<string[]> Rows) Score(params string[] options)
    {
        var output = Path.Combine(_work, "scores.csv");
        var run = CliRun.Of(["score", "--model", RepoPaths.DefaultModel, "--in", _input, "--out", output, .. options]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);

        using var reader = CsvRecordReader.Open(output);
        var header = reader.ReadRecord()!;
        var rows = new List<string[]>();
        while (reader.ReadRecord() is { } row)
        {
            rows.Add(row);
        }

        return (header, rows);
    }

    private bool Flagged(string[] row, string label) =>
        row[IdColumns + (_labels.IndexOf(label) * 2) + 1] switch
        {
            "1" => true,
            "0" => false,
            var other => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{label}_flagged is '{other}'")),
        };

    private int WordsColumn(string label) => IdColumns + (_labels.Count * 2) + 1 + _labels.IndexOf(label);

    private List<string> Words(string[] row, string label) =>
        row[WordsColumn(label)] is { Length: > 0 } cell ? [.. cell.Split(ScoreCommand.WordSeparator)] : [];
}
