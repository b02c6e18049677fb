using HoaxScreen.Tests.Shared;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Training.Tests;

/// <summary>The public-data recipe in bench/ reads the shared datasets; skipped where ../shared/data is absent.</summary>
public class PublicRecipeTests
{
    [Test]
    public void PublicRecipe_SharedData_LoadsEveryMappedLabel()
    {
        if (!Directory.Exists(RepoPaths.SharedData))
        {
            Assert.Ignore($"{RepoPaths.SharedData} is absent: public-data checks skipped");
        }

        var dataset = LabelledDataset.Load(TrainingRecipe.Load(Path.Combine(RepoPaths.Root, "bench", "recipes", "public.recipe.json")));
        Assert.That(dataset.Labels, Is.EquivalentTo(new[] { "hate_speech", "abusive", "sara", "pornography", "radicalism", "defamation", "hoax", "hoax_news" }));
        var hoax = dataset.LabelIndex("hoax");
        var abusive = dataset.LabelIndex("abusive");
        Assert.That(dataset.Posts.Count(p => p.Labels[hoax] is true), Is.GreaterThan(100));
        // Hoax sources carry no abusive label: those rows must stay unknown, not negative.
        Assert.That(dataset.Posts.Where(p => p.Labels[hoax] is not null).All(p => p.Labels[abusive] is null), Is.True);
    }
}
