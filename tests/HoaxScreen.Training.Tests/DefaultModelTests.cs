using System.IO.Compression;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Labels;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Training.Tests;

/// <summary>The committed default model must stay in step with the corpus it was trained from.</summary>
public class DefaultModelTests
{
    [Test]
    public void DefaultModel_ManifestSourceHashes_MatchFilesInData()
    {
        var manifest = ModelBundle.ReadManifest(RepoPaths.DefaultModel);
        Assert.That(manifest.Sources, Is.Not.Empty);
        foreach (var source in manifest.Sources)
        {
            var path = Path.GetFullPath(Path.Combine(RepoPaths.DataFolder, source.Path));
            Assert.That(path, Does.StartWith(RepoPaths.DataFolder), "the default model is trained from data/ only");
            Assert.That(LabelledDataset.Sha256Of(path), Is.EqualTo(source.Sha256),
                $"{source.Path} changed since models/default was trained: retrain it (see README)");
        }
    }

    [Test]
    public void DefaultModel_Labels_IncludeEveryCanonicalLabel()
    {
        var manifest = ModelBundle.ReadManifest(RepoPaths.DefaultModel);
        Assert.That(manifest.Labels.Select(l => l.Name), Is.SupersetOf(CanonicalLabels.All));
    }

    [Test]
    public void DefaultModel_ClassifierTrainSchemas_HoldNoCopyOfTheVocabulary()
    {
        // Each classifier saves the schema it was trained on; with the features' slot names that was the whole
        // vocabulary once per label (hundreds of KB here, 2.9 MB each for a model of the public data).
        using var zip = ZipFile.OpenRead(Path.Combine(RepoPaths.DefaultModel, ModelBundle.ModelFile));
        var schemas = zip.Entries.Where(e => e.Name == "TrainSchema").ToList();
        var manifest = ModelBundle.ReadManifest(RepoPaths.DefaultModel);

        Assert.That(schemas, Has.Count.EqualTo(manifest.Labels.Count));
        Assert.That(schemas.Select(e => e.Length), Has.All.LessThan(4096));
    }

    [Test]
    public void DefaultRecipe_LoadsCorpusWithAtLeast2000Posts()
    {
        var dataset = LabelledDataset.Load(TrainingRecipe.Load(Path.Combine(RepoPaths.DataFolder, "default.recipe.json")));
        Assert.That(dataset.Posts, Has.Count.GreaterThanOrEqualTo(2000));
        Assert.That(dataset.Labels, Is.SupersetOf(CanonicalLabels.All));
    }
}
