using System.Text;
using System.Text.Json;
using HoaxScreen.Core.Data;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Training.Tests;

/// <summary>Input files for the score tests: posts from the team corpus (data/posts.csv) plus awkward ones, as CSV or JSON Lines.</summary>
internal static class ScoreInputs
{
    /// <summary>Texts CSV and JSON quote differently: commas, quotes, a line break, a backslash, emoji, non-Latin letters.</summary>
    public static readonly string[] Awkward =
    [
        "dasar goblok lu anjing, otak udang bgt sih, bacot doang bangsat!",
        "kata dia \"ini info valid\" padahal hoaks",
        "baris satu\nbaris dua, tetap satu post",
        "jalur C:\\data\\grup sebelah 😡😡",
        "Ｈｏａｋｓ аnjing k a f i r",
        "",
    ];

    /// <summary>The first <paramref name="count"/> texts of data/posts.csv after <see cref="Awkward"/>.</summary>
    public static string[] Texts(int count)
    {
        using var reader = CsvRecordReader.Open(Path.Combine(RepoPaths.DataFolder, "posts.csv"));
        var header = reader.ReadRecord()!;
        var column = Array.IndexOf(header, "text");
        var texts = new List<string>(Awkward);
        while (texts.Count < count && reader.ReadRecord() is { } record)
        {
            texts.Add(record[column]);
        }

        return [.. texts.Take(count)];
    }

    /// <summary>An <c>id,text</c> file; the ids are <paramref name="idPrefix"/> and the row's index (p0, p1, ...).</summary>
    public static string WriteCsv(string path, IReadOnlyList<string> texts, string idPrefix = "p")
    {
        File.WriteAllText(path, "id,text\n" + string.Concat(texts.Select((t, i) => $"{idPrefix}{i},{CsvText.Escape(t)}\n")), new UTF8Encoding(false));
        return path;
    }

    /// <summary>One object per line: a numeric id, an unrelated field before the text, the text (JSON-escaped).</summary>
    public static string WriteJsonLines(string path, IReadOnlyList<string> texts)
    {
        var lines = texts.Select((t, i) => JsonSerializer.Serialize(new { id = i, source = "ekspor", text = t }) + "\n");
        File.WriteAllText(path, string.Concat(lines), new UTF8Encoding(false));
        return path;
    }

    /// <summary>Writes <paramref name="lines"/> to <paramref name="path"/>, LF-terminated, UTF-8 without a BOM.</summary>
    public static string WriteLines(string path, params string[] lines)
    {
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    /// <summary>Runs <c>score</c> with models/default from <paramref name="input"/> to <paramref name="output"/>; it must succeed.</summary>
    public static CliRun Score(string input, string output, params string[] options)
    {
        var run = CliRun.Of(["score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", output, .. options]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        return run;
    }
}
