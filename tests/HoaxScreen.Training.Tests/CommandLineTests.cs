using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using HoaxScreen.Tests.Shared;
using HoaxScreen.Training.Cli;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// The CLI's parsing on System.CommandLine, run in process: usage errors are one line with exit code 2 in the CLI's
/// own words, every verb has a --help listing each of its options, typos get a suggestion, and the contract's option
/// names and value forms (DESIGN.md, README) are what the parser accepts.
/// </summary>
public partial class CommandLineTests
{
    // The contract: each verb with every option it takes (DESIGN.md "Training CLI", README "Training CLI").
    private static readonly object[] VerbOptions =
    [
        new object[] { new[] { "train" }, new[] { "--recipe", "--data", "--delimiter", "--out", "--folds" } },
        new object[] { new[] { "crossvalidate" }, new[] { "--recipe", "--data", "--delimiter", "--folds", "--out" } },
        new object[] { new[] { "evaluate" }, new[] { "--model", "--recipe", "--data", "--delimiter", "--split" } },
        new object[]
        {
            new[] { "score" },
            new[]
            {
                "--model", "--in", "--out", "--format", "--delimiter", "--text-column", "--batch-size", "--explain", "--progress",
                "--resume", "--max-rows", "--claims", "--matcher", "--termlists",
            },
        },
        new object[] { new[] { "seal" }, new[] { "--model" } },
        new object[] { new[] { "adapt" }, new[] { "--model", "--feedback", "--out", "--method", "--delimiter" } },
        new object[] { new[] { "claims", "import" }, new[] { "--db", "--in", "--format" } },
        new object[] { new[] { "claims", "train" }, new[] { "--claims", "--pairs", "--model", "--out", "--folds" } },
        new object[] { new[] { "claims", "search" }, new[] { "--db", "--text", "--top", "--matcher", "--model" } },
        new object[] { new[] { "feedback", "export" }, new[] { "--db", "--out", "--format" } },
    ];

    [TestCaseSource(nameof(VerbOptions))]
    public void Help_EachVerb_ListsEveryOptionWithADescriptionAndExitsZero(string[] verb, string[] options)
    {
        var run = CliRun.Of([.. verb, "--help"]);
        var optionLines = run.Stdout.Split('\n').Where(line => line.TrimStart().StartsWith("--", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(run.Stderr, Is.Empty);
            foreach (var option in options)
            {
                var line = optionLines.SingleOrDefault(l => l.TrimStart().Split(' ')[0] == option);
                Assert.That(line, Is.Not.Null, $"{string.Join(' ', verb)} --help does not list {option}");
                // Name, value placeholder, then at least two spaces and the description.
                Assert.That(line, Does.Match(@"^\s*--[a-z-]+( <[^>]+>)?( \(REQUIRED\))?\s{2,}\S"), $"{option} has no description");
            }
        });
    }

    [Test]
    public void Help_Tool_ListsEveryVerbAndTheExitCodes()
    {
        var run = CliRun.Of("--help");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            foreach (var verb in new[] { "train", "crossvalidate", "evaluate", "score", "seal", "adapt", "claims", "feedback" })
            {
                Assert.That(run.Stdout, Does.Match($@"(?m)^\s+{verb}\s{{2,}}\S"), verb);
            }

            Assert.That(run.Stdout, Does.Contain("2 bad usage").And.Contain("130 interrupted"));
        });
    }

    [Test]
    public void Run_NoArguments_PrintsHelpToStderrAndExitsTwo()
    {
        var run = CliRun.Of();

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(run.Stderr, Does.Contain("crossvalidate"));
        });
    }

    [TestCase("help", "score")]
    [TestCase("score", "--help")]
    [TestCase("score", "-h")]
    [TestCase("train", "--out", "o", "-h")]
    [TestCase("score", "--model", "m", "--foo", "--help")]
    public void Run_HelpAnywhere_PrintsTheVerbsHelpAndExitsZero(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(run.Stdout, Does.Contain("Usage:").And.Contain("--out <"));
            Assert.That(run.Stderr, Is.Empty);
        });
    }

    [TestCase("score", "--model", "m", "--foo")]
    [TestCase("score", "--foo", "--model", "m")]
    [TestCase("score", "--foo=bar", "--model", "m")]
    [TestCase("train", "--data", "d.csv", "--out", "o", "--foo")]
    [TestCase("evaluate", "--foo")]
    public void Run_UnknownOption_ExitsTwoWithOneLineSayingUnknownNotNeedsValue(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(run.LastError, Does.StartWith("error: unknown option '--foo").And.Contain("--help").And.Not.Contain("needs a value"));
        });
    }

    [TestCase(new[] { "scroe", "--model", "m" }, "unknown command 'scroe'; did you mean score?")]
    [TestCase(new[] { "trian" }, "unknown command 'trian'; did you mean train?")]
    [TestCase(new[] { "score", "--modle", "m" }, "unknown option '--modle'; did you mean --model?")]
    [TestCase(new[] { "score", "--model", "m", "--in", "i", "--out", "o", "--resmue" }, "unknown option '--resmue'; did you mean --resume?")]
    [TestCase(new[] { "claims", "serach" }, "unknown claims subcommand 'serach'; did you mean search?")]
    [TestCase(new[] { "crossvalidtae" }, "unknown command 'crossvalidtae'; did you mean crossvalidate?")]
    public void Run_Typo_SuggestsTheNearestName(string[] args, string expected)
    {
        var run = CliRun.Of(args);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.LastError, Does.StartWith("error: " + expected));
        });
    }

    [TestCase(new[] { "deploy" }, "error: unknown command 'deploy' (expected train, crossvalidate,")]
    [TestCase(new[] { "feedback", "import" }, "error: unknown feedback subcommand 'import' (expected export)")]
    public void Run_UnrelatedWord_SuggestsNothing(string[] args, string expected)
    {
        var run = CliRun.Of(args);

        Assert.That(run.LastError, Does.StartWith(expected).And.Not.Contain("did you mean"));
    }

    [TestCase(new[] { "seal" }, "error: missing --model")]
    [TestCase(new[] { "score", "--in", "i", "--out", "o" }, "error: missing --model")]
    [TestCase(new[] { "score", "--model" }, "error: option --model needs a value")]
    [TestCase(new[] { "score", "--model", "--in", "i", "--out", "o" }, "error: option --model needs a value")]
    [TestCase(new[] { "seal", "--model", "--foo" }, "error: option --model needs a value")]
    [TestCase(new[] { "score", "--model", "m", "--in", "i", "--out", "o", "--explain", "--resume" }, "error: option --explain needs a value")]
    [TestCase(new[] { "seal", "--model=" }, "error: option --model needs a value")]
    [TestCase(new[] { "seal", "--model", "" }, "error: option --model needs a value")]
    [TestCase(new[] { "seal", "--model", "a", "--model", "b" }, "error: option --model given twice")]
    [TestCase(new[] { "seal", "--model", "a", "extra" }, "error: unexpected argument 'extra'")]
    [TestCase(new[] { "score", "--model", "m", "--in", "i", "--out", "o", "--resume=yes" }, "error: unexpected argument 'yes'")]
    [TestCase(new[] { "evaluate", "--model", "m", "--data", "d.csv", "--split", "train" }, "error: --split must be 'all' or 'evaluation'")]
    [TestCase(new[] { "train", "--data", "d.csv", "--out", "o", "--delimiter", "|" }, "error: --delimiter must be ',', ';' or 'tab', not '|'")]
    [TestCase(new[] { "train", "--data", "d.csv", "--out", "o", "--folds", "many" }, "error: --folds must be a whole number from 0 to 20")]
    [TestCase(new[] { "claims", "search", "--db", "x.db", "--text", "t", "--top", "0" }, "error: --top must be a whole number from 1 to 100")]
    [TestCase(new[] { "feedback" }, "error: feedback needs a subcommand: export")]
    public void Run_BadUsage_ExitsTwoWithOneLine(string[] args, string expected)
    {
        var run = CliRun.Of(args);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(run.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(run.LastError, Does.StartWith(expected));
            Assert.That(run.Stderr, Does.Not.Contain("System.").And.Not.Contain("Exception"), "no .NET type names");
        });
    }

    [Test]
    public void Parse_SwitchFollowedByAnOption_IsSetWithoutTakingTheNextArgument()
    {
        var root = CliApp.Commands(TextWriter.Null, TextWriter.Null, CliHost.InProcess);

        var parsed = root.Parse(["score", "--model", "m", "--resume", "--in", "posts.csv", "--out", "scores.csv"], CommandLineRunner.Parsing);

        Assert.Multiple(() =>
        {
            Assert.That(parsed.Errors, Is.Empty);
            Assert.That(parsed.GetValue<bool>("--resume"), Is.True);
            Assert.That(parsed.GetValue<bool>("--progress"), Is.False);
            Assert.That(parsed.GetValue<string>("--in"), Is.EqualTo("posts.csv"));
        });
    }

    [Test]
    public void Run_RecipeAndDataTogether_ExitsTwo()
    {
        var run = CliRun.Of("train", "--recipe", "r.json", "--data", "d.csv", "--out", Path.Combine(Path.GetTempPath(), "bundle"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.LastError, Is.EqualTo("error: give either --recipe or --data, not both"));
    }

    [Test]
    public void Run_EqualsForm_ReadsTheValue()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-bundle-{Guid.NewGuid():N}");

        var run = CliRun.Of("seal", $"--model={missing}");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.Contain(missing).And.Contain("model folder not found"));
    }

    [Test]
    public void Run_ValueStartingWithAt_IsTextNotAResponseFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-claims-{Guid.NewGuid():N}.db");

        var run = CliRun.Of("claims", "search", "--db", missing, "--text", "@pemilu2024 hoaks lagi");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.LastError, Does.Contain("no claims store there"));
    }

    [Test]
    public void Run_SuggestDirective_CompletesOptionValues()
    {
        var run = CliRun.Of("[suggest:17]", "score --format js");

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Is.EqualTo(new[] { "jsonl" }));
    }

    [GeneratedRegex(@"src/HoaxScreen\.Training -c Release -- (?<args>[^`\n]+)")]
    private static partial Regex ReadmeCommand();

    [Test]
    public void Readme_TrainingCommands_ParseWithoutErrors()
    {
        // Continued lines joined; "[--matcher DIR]" marks an optional part, which must parse as well.
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\\\n", " ", StringComparison.Ordinal);
        var commands = ReadmeCommand().Matches(readme).Select(m => m.Groups["args"].Value.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal)).ToList();
        var root = CliApp.Commands(TextWriter.Null, TextWriter.Null, CliHost.InProcess);

        Assert.That(commands, Has.Count.GreaterThan(15));
        Assert.Multiple(() =>
        {
            foreach (var command in commands)
            {
                var parsed = root.Parse([.. CommandLineParser.SplitCommandLine(command)], CommandLineRunner.Parsing);
                Assert.That(parsed.Errors.Select(e => e.Message), Is.Empty, command);
            }
        });
    }
}
