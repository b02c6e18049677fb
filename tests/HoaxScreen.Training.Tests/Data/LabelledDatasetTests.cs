using System.Text.Json;
using HoaxScreen.Core.Data;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Training.Tests.Data;

public class LabelledDatasetTests
{
    private string _work = null!;

    [SetUp]
    public void CreateWorkFolder() => _work = Directory.CreateTempSubdirectory("hoaxscreen-data-").FullName;

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(_work, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, content);
        return path;
    }

    private TrainingRecipe Recipe(object json) =>
        TrainingRecipe.Load(Write("r.recipe.json", JsonSerializer.Serialize(json)));

    [Test]
    public void Load_CanonicalFile_TakesEveryNonTextColumnAsLabel()
    {
        var csv = Write("posts.csv", "id,text,source,hoax,abusive\n1,halo,tim,0,\n2,sebarkan,tim,1,0\n");
        var dataset = LabelledDataset.Load(TrainingRecipe.ForCanonicalFile(csv));
        Assert.That(dataset.Labels, Is.EqualTo(new[] { "hoax", "abusive" }));
        Assert.That(dataset.Posts[0].Labels, Is.EqualTo(new bool?[] { false, null }), "empty means unknown");
        Assert.That(dataset.Posts[1].Labels, Is.EqualTo(new bool?[] { true, false }));
    }

    [Test]
    public void Load_PipeMapping_IsPositiveWhenAnyColumnIsOne()
    {
        Write("hs.csv", "tweet,HS,HS_Religion,HS_Race\na,1,0,1\nb,1,0,0\nc,0,,\nd,0,,0\n");
        var dataset = LabelledDataset.Load(Recipe(new
        {
            sources = new[] { new { path = "hs.csv", text = "tweet", labels = new Dictionary<string, string> { ["sara"] = "HS_Religion|HS_Race" } } },
        }));
        Assert.That(dataset.Posts.Select(p => p.Labels[0]), Is.EqualTo(new bool?[] { true, false, null, false }));
    }

    [Test]
    public void Load_TwoSourcesWithDifferentLabels_LeavesMissingLabelsUnknown()
    {
        Write("a.csv", "text,hoax\nsatu,1\ndua,0\n");
        Write("b.csv", "text,abusive\ntiga,1\n");
        var dataset = LabelledDataset.Load(Recipe(new { sources = new[] { new { path = "a.csv" }, new { path = "b.csv" } } }));
        Assert.That(dataset.Labels, Is.EqualTo(new[] { "hoax", "abusive" }));
        Assert.That(dataset.Posts[0].Labels[1], Is.Null);
        Assert.That(dataset.Posts[2].Labels, Is.EqualTo(new bool?[] { null, true }));
        Assert.That(dataset.Sources.Select(s => s.Rows), Is.EqualTo(new[] { 2, 1 }));
    }

    [Test]
    public void Load_SourceDefault_FillsOnlyUnknownCellsOfThatSource()
    {
        Write("a.csv", "text,hoax\nsatu,1\ndua,0\n");
        Write("b.csv", "text,abusive,sara\ntiga,1,\nempat,0,1\n");
        var dataset = LabelledDataset.Load(Recipe(new
        {
            sources = new object[]
            {
                new { path = "a.csv" },
                new { path = "b.csv", defaults = new Dictionary<string, int> { ["hoax"] = 0, ["sara"] = 0 } },
            },
        }));

        Assert.That(dataset.Labels, Is.EqualTo(new[] { "hoax", "abusive", "sara" }));
        Assert.That(dataset.Posts[0].Labels, Is.EqualTo(new bool?[] { true, null, null }), "a source without defaults keeps unknowns");
        Assert.That(dataset.Posts[2].Labels, Is.EqualTo(new bool?[] { false, true, false }), "missing column and empty cell take the default");
        Assert.That(dataset.Posts[3].Labels, Is.EqualTo(new bool?[] { false, false, true }), "a known cell wins over the default");
        Assert.That(dataset.Sources[1].Defaults, Is.EquivalentTo(new Dictionary<string, int> { ["hoax"] = 0, ["sara"] = 0 }));
    }

    [Test]
    public void Load_RecipeLabels_TrainsOnlyThoseAndMarksOtherPositivesAsOtherHarm()
    {
        Write("n.csv", "text,sara,porn\nsatu,0,1\ndua,0,0\ntiga,1,0\n");
        var dataset = LabelledDataset.Load(Recipe(new
        {
            labels = new[] { "sara" },
            sources = new[] { new { path = "n.csv", labels = new Dictionary<string, string> { ["sara"] = "sara", ["pornography"] = "porn" } } },
        }));

        Assert.That(dataset.Labels, Is.EqualTo(new[] { "sara" }));
        Assert.That(dataset.Posts.Select(p => p.OtherHarm), Is.EqualTo(new[] { true, false, false }));
        Assert.That(dataset.Posts.Select(p => p.Labels[0]), Is.EqualTo(new bool?[] { false, false, true }));
    }

    [Test]
    public void Load_RecipeLabelNoSourceMaps_FailsNamingIt()
    {
        Write("a.csv", "text,hoax\nsatu,1\n");
        var recipe = Recipe(new { labels = new[] { "hoax", "sara" }, sources = new[] { new { path = "a.csv" } } });

        var ex = Assert.Throws<DataFormatException>(() => LabelledDataset.Load(recipe));

        Assert.That(ex!.Message, Does.Contain("'sara'").And.Contain("no source maps it"));
    }

    [TestCase(2)]
    [TestCase(-1)]
    public void Load_SourceDefaultNotZeroOrOne_FailsNamingTheLabel(int value)
    {
        Write("a.csv", "text,hoax\nsatu,1\n");
        var recipe = Recipe(new { sources = new[] { new { path = "a.csv", defaults = new Dictionary<string, int> { ["abusive"] = value } } } });

        var ex = Assert.Throws<DataFormatException>(() => LabelledDataset.Load(recipe));

        Assert.That(ex!.Message, Does.Contain("'abusive'").And.Contain("must be 0 or 1"));
    }

    [Test]
    public void Load_BadLabelValue_NamesFileLineAndColumn()
    {
        var csv = Write("posts.csv", "text,hoax\nsatu,1\ndua,ya\n");
        var ex = Assert.Throws<DataFormatException>(() => LabelledDataset.Load(TrainingRecipe.ForCanonicalFile(csv)));
        Assert.That(ex!.Message, Does.Contain("posts.csv:3").And.Contain("'hoax'").And.Contain("'ya'"));
    }

    [Test]
    public void Load_WrongFieldCount_NamesLine()
    {
        var csv = Write("posts.csv", "text,hoax\nsatu,1\ndua,0,extra\n");
        var ex = Assert.Throws<DataFormatException>(() => LabelledDataset.Load(TrainingRecipe.ForCanonicalFile(csv)));
        Assert.That(ex!.Message, Does.Contain("posts.csv:3").And.Contain("expected 2 fields"));
    }

    [Test]
    public void Load_EmptyText_IsSkippedAndCounted()
    {
        var csv = Write("posts.csv", "text,hoax\nsatu,1\n\"  \",0\ndua,0\n");
        var dataset = LabelledDataset.Load(TrainingRecipe.ForCanonicalFile(csv));
        Assert.That(dataset.Posts, Has.Count.EqualTo(2));
        Assert.That(dataset.Sources[0].SkippedEmptyText, Is.EqualTo(1));
    }

    [Test]
    public void Load_ControlOrZeroWidthOnlyText_IsSkippedAndCountedLikeBlank()
    {
        var csv = Write("posts.csv", "text,hoax\nsatu,1\n\"\u0000\",0\n\"\u200B\u200B\",1\n\"\u0001 \u0002\",0\ndua,0\n");
        var dataset = LabelledDataset.Load(TrainingRecipe.ForCanonicalFile(csv));
        Assert.That(dataset.Posts.Select(p => p.Text), Is.EqualTo(new[] { "satu", "dua" }));
        Assert.That(dataset.Sources[0].SkippedEmptyText, Is.EqualTo(3));
    }

    [Test]
    public void Load_InvalidLabelName_Throws()
    {
        var csv = Write("posts.csv", "text,Hoax Label\nsatu,1\n");
        var ex = Assert.Throws<DataFormatException>(() => LabelledDataset.Load(TrainingRecipe.ForCanonicalFile(csv)));
        Assert.That(ex!.Message, Does.Contain("Hoax Label"));
    }

    [Test]
    public void RecipeLoad_RelativePath_ResolvesAgainstRecipeFolder()
    {
        Directory.CreateDirectory(Path.Combine(_work, "sub"));
        Write(Path.Combine("sub", "p.csv"), "text,hoax\nx,1\n");
        var recipe = Recipe(new { sources = new[] { new { path = "sub/p.csv" } } });
        Assert.That(recipe.Resolve(recipe.Sources[0]), Is.EqualTo(Path.Combine(_work, "sub", "p.csv")));
    }

    [Test]
    public void RecipeLoad_UnknownAlgorithm_Throws()
    {
        var ex = Assert.Throws<DataFormatException>(() => Recipe(new { sources = new[] { new { path = "p.csv" } }, trainer = new { algorithm = "magic" } }));
        Assert.That(ex!.Message, Does.Contain("magic"));
    }

    [Test]
    public void RecipeLoad_MalformedJson_ThrowsOneLine()
    {
        var path = Write("bad.json", "{ \"sources\": [ { \"path\": ");
        var ex = Assert.Throws<DataFormatException>(() => TrainingRecipe.Load(path));
        Assert.That(ex!.Message, Does.Contain("bad.json").And.Not.Contain("\n"));
    }

    [Test]
    public void RecipeLoad_NoSources_Throws()
    {
        var ex = Assert.Throws<DataFormatException>(() => Recipe(new { sources = Array.Empty<object>() }));
        Assert.That(ex!.Message, Does.Contain("no sources"));
    }
}
