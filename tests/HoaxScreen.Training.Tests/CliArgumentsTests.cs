using HoaxScreen.Training.Cli;

namespace HoaxScreen.Training.Tests;

/// <summary>The bench tools' option parser (the training CLI itself is on System.CommandLine: see CommandLineTests).</summary>
public class CliArgumentsTests
{
    private static readonly string[] Allowed = ["model", "in", "out", "batch-size"];

    [Test]
    public void Parse_SpaceAndEqualsForms_ReadBoth()
    {
        var args = CliArguments.Parse(["--model", "m", "--in=posts.csv"], Allowed);
        Assert.That(args.Required("model"), Is.EqualTo("m"));
        Assert.That(args.Required("in"), Is.EqualTo("posts.csv"));
    }

    [Test]
    public void Parse_UnknownOption_ThrowsNamingIt()
    {
        var ex = Assert.Throws<CliException>(() => CliArguments.Parse(["--modle", "m"], Allowed));
        Assert.That(ex!.Message, Does.Contain("--modle"));
    }

    [Test]
    public void Parse_UnknownOptionLast_SaysUnknownNotNeedsValue()
    {
        var ex = Assert.Throws<CliException>(() => CliArguments.Parse(["--model", "m", "--foo"], Allowed));
        Assert.That(ex!.Message, Does.StartWith("unknown option '--foo'"));
    }

    [Test]
    public void Parse_UnknownOptionBeforeAnother_SaysUnknownNotNeedsValue()
    {
        var ex = Assert.Throws<CliException>(() => CliArguments.Parse(["--foo", "--model", "m"], Allowed));
        Assert.That(ex!.Message, Does.StartWith("unknown option '--foo'"));
    }

    [Test]
    public void Parse_UnknownOptionWithEqualsValue_NamesOnlyTheOption()
    {
        var ex = Assert.Throws<CliException>(() => CliArguments.Parse(["--foo=bar"], Allowed));
        Assert.That(ex!.Message, Does.StartWith("unknown option '--foo' (expected --model"));
    }

    [TestCase("--model", "")]
    [TestCase("--model=")]
    public void Parse_EmptyValue_ThrowsNeedsAValue(params string[] args)
    {
        var ex = Assert.Throws<CliException>(() => CliArguments.Parse(args, Allowed));
        Assert.That(ex!.Message, Is.EqualTo("option --model needs a value"));
    }

    [Test]
    public void Parse_OptionWithoutValue_Throws()
    {
        Assert.Throws<CliException>(() => CliArguments.Parse(["--model", "--in", "x"], Allowed));
    }

    [Test]
    public void Parse_RepeatedOption_Throws()
    {
        Assert.Throws<CliException>(() => CliArguments.Parse(["--in", "a", "--in", "b"], Allowed));
    }

    [Test]
    public void Int_OutOfRange_Throws()
    {
        var args = CliArguments.Parse(["--batch-size", "0"], Allowed);
        Assert.Throws<CliException>(() => args.Int("batch-size", 10, 1, 100));
    }

    [Test]
    public void Parse_Switch_IsSetWithoutTakingTheNextArgument()
    {
        var args = CliArguments.Parse(["--resume", "--in", "posts.csv"], Allowed, ["resume", "progress"]);

        Assert.Multiple(() =>
        {
            Assert.That(args.Switch("resume"), Is.True);
            Assert.That(args.Switch("progress"), Is.False);
            Assert.That(args.Required("in"), Is.EqualTo("posts.csv"));
        });
    }

    [Test]
    public void Parse_SwitchWithValue_Throws()
    {
        var ex = Assert.Throws<CliException>(() => CliArguments.Parse(["--resume=yes"], Allowed, ["resume"]));
        Assert.That(ex!.Message, Is.EqualTo("option --resume takes no value"));
    }
}
