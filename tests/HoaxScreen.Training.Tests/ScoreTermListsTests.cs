using System.Text.Json.Nodes;
using System.Text;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.TermLists;
using HoaxScreen.Tests.Shared;
using HoaxScreen.Training.BulkScoring;
using HoaxScreen.Training.Commands;
using Microsoft.Data.Sqlite;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// <c>score --termlists FILE</c> with models/default: lists from a hand-written JSON file or from the service's store,
/// matched as <c>/v1/screen</c> matches them (disguised spellings, offsets into the original text, a flagging list
/// flags the post), the CSV and JSON Lines shapes, bad files and resume.
/// </summary>
public class ScoreTermListsTests
{
    /// <summary>Election talk the model does not flag for any label: only a list can flag it.</summary>
    private const string Endorsement = "besok pilih Hendra Wijaya ya, nomor 2";

    private const string Disguised = "dasar k a f i r, pergi sana";

    // Names the listed candidate without campaigning, so no label of the model flags it and only a list can.
    private const string NameInTheNews = "kemarin Hendra Wijaya datang ke pasar beli sayur";

    private const string Plain = "cuaca cerah, pasar ramai pagi ini";

    private string _work = null!;

    [SetUp]
    public void CreateWork() => _work = Directory.CreateTempSubdirectory("hoaxscreen-score-termlists-").FullName;

    [TearDown]
    public void DeleteWork()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }

    [Test]
    public void Score_CsvWithJsonLists_AddsTermMatchesAfterFlagged()
    {
        var lists = WriteLists("lists.json", ("slurs", true, ["kafir", " kadrun "]), ("candidates", false, ["hendra wijaya"]));
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Disguised, Endorsement, Plain, "kadrun kafir, kafir!"]);
        var output = Path.Combine(_work, "scores.csv");

        var run = ScoreInputs.Score(input, output, "--termlists", lists);

        var (header, rows) = ReadCsv(output);
        Assert.Multiple(() =>
        {
            Assert.That(header[^2..], Is.EqualTo(new[] { "flagged", CsvScoreWriter.TermMatchesColumn }));
            Assert.That(rows.Select(r => r[^1]), Is.EqualTo(new[] { "slurs:kafir", "candidates:hendra wijaya", string.Empty, "slurs:kadrun | slurs:kafir" }),
                "each distinct list:term once, in order, trimmed as the service stores it");
            Assert.That(run.LastError, Does.EndWith("; term lists (2): 3 posts matched"));
        });
    }

    [Test]
    public void Score_JsonLinesWithJsonLists_AddsTermMatchesWithOffsetsIntoTheOriginalText()
    {
        var lists = WriteLists("lists.json", ("slurs", true, ["kafir"]), ("candidates", false, ["hendra wijaya"]));
        var texts = new[] { Disguised, Endorsement, Plain };
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), texts);
        var output = Path.Combine(_work, "scores.jsonl");

        ScoreInputs.Score(input, output, "--termlists", lists);

        var lines = File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var keys = lines[0].Select(p => p.Key).ToList();
        var first = lines[0]["termMatches"]!.AsArray().Single()!.AsObject();
        var second = lines[1]["termMatches"]!.AsArray().Single()!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(keys[^1], Is.EqualTo("termMatches"));
            Assert.That(first.Select(p => p.Key), Is.EqualTo(new[] { "list", "term", "start", "length" }));
            Assert.That(first["list"]!.GetValue<string>(), Is.EqualTo("slurs"));
            Assert.That(first["term"]!.GetValue<string>(), Is.EqualTo("kafir"));
            Assert.That(Disguised.Substring(first["start"]!.GetValue<int>(), first["length"]!.GetValue<int>()), Is.EqualTo("k a f i r"));
            Assert.That(Endorsement.Substring(second["start"]!.GetValue<int>(), second["length"]!.GetValue<int>()), Is.EqualTo("Hendra Wijaya"));
            Assert.That(lines[2]["termMatches"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public void Score_WithClaimsExplainAndTermLists_TermMatchesComeAfterTheClaimColumns()
    {
        var db = Path.Combine(_work, "claims.db");
        Assert.That(CliRun.Of("claims", "import", "--db", db, "--in", Path.Combine(RepoPaths.DataFolder, "claims", "claims.csv")).ExitCode, Is.EqualTo(0));
        var lists = WriteLists("lists.json", ("slurs", true, ["kafir"]));
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Disguised, Plain]);
        var output = Path.Combine(_work, "scores.csv");

        ScoreInputs.Score(input, output, "--termlists", lists, "--claims", db, "--explain", "2");

        var header = ReadCsv(output).Header.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(header.IndexOf(CsvScoreWriter.TermMatchesColumn), Is.EqualTo(header.IndexOf("claim_decision") + 1));
            Assert.That(header[header.IndexOf(CsvScoreWriter.TermMatchesColumn) + 1], Does.EndWith("_words"));
        });
    }

    [Test]
    public void Score_WithoutTermLists_WritesNoTermMatches()
    {
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Disguised]);
        var csv = Path.Combine(_work, "scores.csv");
        var jsonl = Path.Combine(_work, "scores.jsonl");

        var run = ScoreInputs.Score(input, csv);
        ScoreInputs.Score(input, jsonl);

        Assert.Multiple(() =>
        {
            Assert.That(ReadCsv(csv).Header, Does.Not.Contain(CsvScoreWriter.TermMatchesColumn));
            Assert.That(File.ReadAllText(jsonl), Does.Not.Contain("termMatches"));
            Assert.That(run.LastError, Does.Not.Contain("term lists"));
        });
    }

    /// <summary>The lists the service keeps: its store file gives exactly what the same lists in JSON give.</summary>
    [Test]
    public void Score_StoreFile_WritesWhatTheSameListsInJsonWrite()
    {
        var store = TermListStore.Open(Path.Combine(_work, "termlists.db"));
        store.Put(new TermList("slurs", ["kafir", "cebong"], Flag: true));
        store.Put(new TermList("candidates", ["hendra wijaya"], Flag: false));
        var json = WriteLists("lists.json", ("candidates", false, ["hendra wijaya"]), ("slurs", true, ["kafir", "cebong"]));
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Disguised, Endorsement, Plain, "c3b0ng"]);
        var fromStore = Path.Combine(_work, "store.jsonl");
        var fromJson = Path.Combine(_work, "json.jsonl");

        var run = ScoreInputs.Score(input, fromStore, "--termlists", store.Path);
        ScoreInputs.Score(input, fromJson, "--termlists", json);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(fromStore), Does.Contain("\"list\":\"slurs\",\"term\":\"cebong\""));
            Assert.That(File.ReadAllBytes(fromStore), Is.EqualTo(File.ReadAllBytes(fromJson)));
            Assert.That(run.LastError, Does.EndWith("; term lists (2): 3 posts matched"));
        });
    }

    [Test]
    public void Score_StoreFileWithAnotherExtension_IsToldByItsContent()
    {
        var path = Path.Combine(_work, "lists.json");
        TermListStore.Open(path).Put(new TermList("slurs", ["kafir"], Flag: true));
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Disguised]);
        var output = Path.Combine(_work, "scores.csv");

        ScoreInputs.Score(input, output, "--termlists", path);

        Assert.That(ReadCsv(output).Rows[0][^1], Is.EqualTo("slurs:kafir"));
    }

    [TestCase("dasar k a f i r", "kafir")]
    [TestCase("dasar K.A.F.I.R!!", "kafir")]
    [TestCase("dasar ｋａｆｉｒ", "kafir")]
    [TestCase("dasar kafirrrr", "kafir")]
    [TestCase("dasar c3b0ng", "cebong")]
    [TestCase("dukung #HendraWijaya", "hendra wijaya")]
    public void Score_DisguisedSpelling_MatchesTheListedTerm(string post, string term)
    {
        var lists = WriteLists("lists.json", ("watch", false, ["kafir", "cebong", "hendra wijaya"]));
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [post]);
        var output = Path.Combine(_work, "scores.csv");

        ScoreInputs.Score(input, output, "--termlists", lists);

        Assert.That(ReadCsv(output).Rows[0][^1], Is.EqualTo("watch:" + term));
    }

    [Test]
    public void Score_TermInsideALongerWord_IsNotAMatch()
    {
        var lists = WriteLists("lists.json", ("watch", true, ["kafir"]));
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), ["surat al kafirun dibaca"]);
        var output = Path.Combine(_work, "scores.csv");

        ScoreInputs.Score(input, output, "--termlists", lists);

        Assert.That(ReadCsv(output).Rows[0][^1], Is.Empty);
    }

    /// <summary>The CLI's matches are the service's: the matcher the service builds over the same lists and model.</summary>
    [Test]
    public void Score_AnyPosts_SameMatchesAsTheServiceMatcher()
    {
        var lists = new[] { new TermList("slurs", ["kafir", "anjing", "goblok", "cebong"], true), new TermList("words", ["hoaks", "info", "bgt"], false) };
        var file = WriteLists("lists.json", [.. lists.Select(l => (l.Name, l.Flag, l.Terms.ToArray()))]);
        var texts = ScoreInputs.Texts(120);
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), texts);
        var output = Path.Combine(_work, "scores.jsonl");

        ScoreInputs.Score(input, output, "--termlists", file, "--batch-size", "16");

        var matcher = TermListMatcher.ForLists(lists, ModelBundleLoader.Load(RepoPaths.DefaultModel).Normalizer);
        var lines = File.ReadAllLines(output);
        Assert.That(lines, Has.Length.EqualTo(texts.Length));
        var matched = 0;
        for (var i = 0; i < texts.Length; i++)
        {
            var expected = matcher.Match(texts[i]).Select(m => $"{m.List}:{m.Term}@{m.Start}+{m.Length}").ToList();
            var written = JsonNode.Parse(lines[i])!["termMatches"]!.AsArray()
                .Select(m => $"{m!["list"]}:{m["term"]}@{m["start"]}+{m["length"]}").ToList();
            Assert.That(written, Is.EqualTo(expected), $"row {i}: {texts[i]}");
            matched += expected.Count > 0 ? 1 : 0;
        }

        Assert.That(matched, Is.GreaterThan(5), "the posts exercise the lists");
    }

    [TestCase(true, "1")]
    [TestCase(false, "0")]
    public void Score_ListMatch_FlagsThePostOnlyWhenTheListFlags(bool flag, string flagged)
    {
        var lists = WriteLists("lists.json", ("candidates", flag, ["hendra wijaya"]));
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [NameInTheNews]);
        var output = Path.Combine(_work, "scores.csv");

        var run = ScoreInputs.Score(input, output, "--termlists", lists);

        var (header, rows) = ReadCsv(output);
        Assert.Multiple(() =>
        {
            Assert.That(header.Where(h => h.EndsWith("_flagged", StringComparison.Ordinal)).Select(h => rows[0][Array.IndexOf(header, h)]), Is.All.EqualTo("0"),
                "the model flags no label of this post");
            Assert.That(rows[0][Array.IndexOf(header, "flagged")], Is.EqualTo(flagged));
            Assert.That(rows[0][^1], Is.EqualTo("candidates:hendra wijaya"));
            Assert.That(run.LastError, Does.Contain($", {flagged} flagged,"));
        });
    }

    [Test]
    public void Score_FlaggingListInJsonLines_SetsFlagged()
    {
        var lists = WriteLists("lists.json", ("candidates", true, ["hendra wijaya"]));
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Endorsement, Plain]);
        var output = Path.Combine(_work, "scores.jsonl");

        ScoreInputs.Score(input, output, "--termlists", lists);

        var lines = File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.That(lines.Select(l => l["flagged"]!.GetValue<bool>()), Is.EqualTo(new[] { true, false }));
    }

    [TestCase("missing", "error: {file}: file not found (--termlists takes a term-list store or a JSON array of { \"name\", \"flag\", \"terms\" } lists)")]
    [TestCase("[ { \"name\": \"slurs\", \"terms\": [\"kafir\" }", "error: {file}:1: not valid JSON (")]
    [TestCase("[]", "error: {file} has no term lists; --termlists needs at least one")]
    [TestCase("", "error: {file} has no term lists; --termlists needs at least one")]
    [TestCase("[ { \"name\": \"Slurs!\", \"terms\": [\"kafir\"] } ]", "error: {file}: list 1: name must be 1-64 lower-case letters, digits, '_' or '-', starting with a letter or digit")]
    [TestCase("[ { \"name\": \"a\", \"terms\": [\"x\"] }, { \"name\": \"a\", \"terms\": [\"y\"] } ]", "error: {file}: list 2: the name 'a' is already used by list 1; each list needs its own name")]
    [TestCase("[ { \"name\": \"a\", \"terms\": [\"x\", \" \"] } ]", "error: {file}: list 1 ('a'): terms[1] is blank")]
    [TestCase("[ { \"name\": \"a\" } ]", "error: {file}: list 1 ('a'): terms is required (an array of words or short phrases)")]
    [TestCase("[ { \"name\": \"a\", \"flag\": \"yes\", \"terms\": [\"x\"] } ]", "error: {file}: list 1 ('a'): flag must be true or false, not a string")]
    [TestCase("[ { \"name\": \"a\", \"flags\": true, \"terms\": [\"x\"] } ]", "error: {file}: list 1 ('a'): unknown field 'flags' (a list has name, flag and terms)")]
    [TestCase("[ \"kafir\" ]", "error: {file}: list 1 is a string, not an object with name, flag and terms")]
    public void Score_BadListsFile_ExitsOneWithOneLineAndWritesNothing(string content, string expected)
    {
        var file = Path.Combine(_work, "lists.json");
        if (content != "missing")
        {
            File.WriteAllText(file, content);
        }

        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Disguised]);
        var output = Path.Combine(_work, "scores.csv");

        var run = Score(input, output, "--termlists", file);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.Stderr);
            Assert.That(run.LastError, Does.StartWith(expected.Replace("{file}", file, StringComparison.Ordinal)));
            Assert.That(output, Does.Not.Exist);
            Assert.That(output + ".partial", Does.Not.Exist);
        });
    }

    [TestCase("--termlists")]
    [TestCase("--claims")]
    public void Score_EmptyFileName_IsBadUsageNotACrash(string option)
    {
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Disguised]);

        var run = Score(input, Path.Combine(_work, "scores.csv"), option, string.Empty);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.LastError, Is.EqualTo($"error: option {option} needs a value"));
    }

    [Test]
    public void Score_TooManyTerms_IsRefusedAsTheServiceRefusesIt()
    {
        var lists = WriteLists("lists.json", ("big", false, [.. Enumerable.Range(0, TermListStore.MaxTerms + 1).Select(i => $"kata{i}")]));
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Disguised]);

        var run = Score(input, Path.Combine(_work, "scores.csv"), "--termlists", lists);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Is.EqualTo($"error: {lists}: list 1 ('big'): terms holds 20,001 terms; at most 20,000"));
    }

    [TestCase("x.db", "SQLite format 2 and then some")]
    [TestCase("x.sqlite", "[]")]
    public void Score_DatabaseNameThatIsNotSqlite_SaysItIsNotAStore(string name, string content)
    {
        var file = Path.Combine(_work, name);
        File.WriteAllText(file, content);
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Disguised]);

        var run = Score(input, Path.Combine(_work, "scores.csv"), "--termlists", file);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Is.EqualTo($"error: {file}: not a term-list store (the file is not a SQLite database)"));
    }

    [Test]
    public void Score_SqliteOfAnotherProgram_IsRefusedAndLeftAsItWas()
    {
        var file = Path.Combine(_work, "other.db");
        using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE t (x INTEGER)";
            create.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var before = File.ReadAllBytes(file);
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Disguised]);

        var run = Score(input, Path.Combine(_work, "scores.csv"), "--termlists", file);

        SqliteConnection.ClearAllPools();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.LastError, Is.EqualTo($"error: {file}: not a term-list store (a SQLite database of another program)"));
            Assert.That(File.ReadAllBytes(file), Is.EqualTo(before));
        });
    }

    [Test]
    public void Score_EmptyStore_HasNoTermLists()
    {
        var store = TermListStore.Open(Path.Combine(_work, "termlists.db"));
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), [Disguised]);

        var run = Score(input, Path.Combine(_work, "scores.csv"), "--termlists", store.Path);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Is.EqualTo($"error: {store.Path} has no term lists; --termlists needs at least one"));
    }

    [Test]
    public void Score_StoppedWithTermListsThenResumed_OutputIsByteIdentical()
    {
        var lists = WriteLists("lists.json", ("slurs", true, ["anjing", "goblok", "kafir"]));
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), ScoreInputs.Texts(60));
        var output = Path.Combine(_work, "scores.csv");
        var uninterrupted = Path.Combine(_work, "uninterrupted.csv");
        ScoreInputs.Score(input, uninterrupted, "--termlists", lists);

        var first = Score(input, output, "--termlists", lists, "--batch-size", "16", "--max-rows", "25");
        var resumed = Score(input, output, "--termlists", lists, "--batch-size", "16", "--resume");

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode), first.Stderr);
            Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Stderr);
            Assert.That(resumed.LastError, Does.Match(@"; term lists \(1\): \d+ posts? matched in the rows scored now$"));
            Assert.That(File.ReadAllBytes(output), Is.EqualTo(File.ReadAllBytes(uninterrupted)));
        });
    }

    [TestCase("changed", "it was started with other term lists (their names, terms or flags differ: 1 list of 2 terms in {lists}; now 1 list of 3 terms in {lists})")]
    [TestCase("flag", "it was started with other term lists (their names, terms or flags differ: 1 list of 2 terms in {lists}; now 1 list of 2 terms in {lists})")]
    [TestCase("without", "it was started with --termlists {lists}, not without it")]
    public void Score_ResumeWithOtherTermLists_IsRefusedAndKeepsThePartialRun(string change, string reason)
    {
        var lists = WriteLists("lists.json", ("slurs", true, ["anjing", "goblok"]));
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), ScoreInputs.Texts(40));
        var output = Path.Combine(_work, "scores.csv");
        Assert.That(Score(input, output, "--termlists", lists, "--batch-size", "16", "--max-rows", "20").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));
        var partial = File.ReadAllBytes(output + ".partial");
        string[] now = change switch
        {
            "changed" => ["--termlists", WriteLists("lists.json", ("slurs", true, ["anjing", "goblok", "kafir"]))],
            "flag" => ["--termlists", WriteLists("lists.json", ("slurs", false, ["anjing", "goblok"]))],
            _ => [],
        };

        var run = Score(input, output, [.. now, "--batch-size", "16", "--resume"]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Stderr);
            Assert.That(run.LastError, Is.EqualTo(
                $"error: cannot resume {output}.partial: {reason.Replace("{lists}", lists, StringComparison.Ordinal)}; run without --resume to start again"));
            Assert.That(File.ReadAllBytes(output + ".partial"), Is.EqualTo(partial));
        });
    }

    [Test]
    public void Score_ResumeWithTermListsOfARunStartedWithout_IsRefused()
    {
        var lists = WriteLists("lists.json", ("slurs", true, ["anjing"]));
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), ScoreInputs.Texts(40));
        var output = Path.Combine(_work, "scores.csv");
        Assert.That(Score(input, output, "--batch-size", "16", "--max-rows", "20").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));

        var run = Score(input, output, "--termlists", lists, "--batch-size", "16", "--resume");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Stderr);
        Assert.That(run.LastError, Does.EndWith($": it was started without --termlists, not with --termlists {lists}; run without --resume to start again"));
    }

    /// <summary>The same lists from another file (the store instead of an export of it) continue the run.</summary>
    [Test]
    public void Score_ResumeWithTheSameListsFromTheStore_Continues()
    {
        var json = WriteLists("lists.json", ("slurs", true, ["anjing", "goblok"]));
        var store = TermListStore.Open(Path.Combine(_work, "termlists.db"));
        store.Put(new TermList("slurs", ["anjing", "goblok"], Flag: true));
        var input = ScoreInputs.WriteCsv(Path.Combine(_work, "posts.csv"), ScoreInputs.Texts(40));
        var output = Path.Combine(_work, "scores.csv");
        Assert.That(Score(input, output, "--termlists", json, "--batch-size", "16", "--max-rows", "20").ExitCode, Is.EqualTo(ScoreCommand.InterruptedExitCode));

        var run = Score(input, output, "--termlists", store.Path, "--batch-size", "16", "--resume");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
    }

    [Test]
    public void Help_Always_MentionsTermLists() =>
        Assert.That(CliRun.Of("score", "--help").Stdout, Does.Contain("--termlists <LISTS.db|LISTS.json>"));

    private string WriteLists(string name, params (string Name, bool Flag, string[] Terms)[] lists)
    {
        var array = new JsonArray([.. lists.Select(l => (JsonNode)new JsonObject
        {
            ["name"] = l.Name,
            ["flag"] = l.Flag,
            ["terms"] = new JsonArray([.. l.Terms.Select(t => (JsonNode)JsonValue.Create(t))]),
        })]);
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, array.ToJsonString(), new UTF8Encoding(false));
        return path;
    }

    private static CliRun Score(string input, string output, params string[] options) =>
        CliRun.Of(["score", "--model", RepoPaths.DefaultModel, "--in", input, "--out", output, .. options]);

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
