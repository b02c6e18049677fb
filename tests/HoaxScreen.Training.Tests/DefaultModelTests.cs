using System.IO.Compression;
using HoaxScreen.Core.Data;
using HoaxScreen.Core.Labels;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Tests.Shared;
using HoaxScreen.Training.Data;

namespace HoaxScreen.Training.Tests;

/// <summary>
/// The committed bundles stay in step with what they were trained from: models/default (the production bundle, the
/// team corpus plus the shareable public sets) and models/team (the team corpus alone). Their recipes live in data/,
/// so the manifests' source paths are relative to data/.
/// </summary>
public class DefaultModelTests
{
    private static readonly string[] NeverInACommittedModel = ["indonesia-false-news-posts", "turnbackhoax2024-claims"];

    [TestCase("default")]
    [TestCase("team")]
    public void Bundle_SourcesInsideTheRepository_HashesMatchTheirFiles(string bundle)
    {
        var manifest = ModelBundle.ReadManifest(RepoPaths.Bundle(bundle));
        var local = manifest.Sources.Where(s => IsInsideRepository(Resolve(s))).ToList();

        Assert.That(local, Is.Not.Empty, "every bundle is trained on the team corpus");
        foreach (var source in local)
        {
            Assert.That(FileHash.Sha256Of(Resolve(source)), Is.EqualTo(source.Sha256),
                $"{source.Path} changed since models/{bundle} was trained: retrain it (see README)");
        }
    }

    [Test]
    public void DefaultBundle_PublicSources_HashesMatchSharedData()
    {
        var manifest = ModelBundle.ReadManifest(RepoPaths.DefaultModel);
        var shared = manifest.Sources.Where(s => !IsInsideRepository(Resolve(s))).ToList();
        Assert.That(shared, Is.Not.Empty, "the production bundle is trained on public sets as well");
        if (!Directory.Exists(RepoPaths.SharedData))
        {
            Assert.Ignore("../shared/data is absent: the public sources' hashes cannot be checked here");
        }

        foreach (var source in shared)
        {
            Assert.That(Resolve(source), Does.StartWith(RepoPaths.SharedData + Path.DirectorySeparatorChar));
            Assert.That(FileHash.Sha256Of(Resolve(source)), Is.EqualTo(source.Sha256), $"{source.Path} differs from what models/default was trained on");
        }
    }

    [Test]
    public void DefaultBundle_Sources_OnlyDatasetsWhoseLicenceAllowsSharingAModel()
    {
        var manifest = ModelBundle.ReadManifest(RepoPaths.DefaultModel);

        foreach (var source in manifest.Sources)
        {
            Assert.That(NeverInACommittedModel.Any(source.Path.Contains), Is.False, $"{source.Path} may feed benchmarks only");
        }

        Assert.That(manifest.Sources.Select(s => s.Path), Has.Some.Contains("ibrohim2019-hs-abusive"));
        Assert.That(manifest.License, Is.EqualTo("CC-BY-NC-SA-4.0"));
    }

    [Test]
    public void TeamBundle_Sources_AreTheTeamCorpusOnlyUnderCcBy()
    {
        var manifest = ModelBundle.ReadManifest(RepoPaths.TeamModel);

        Assert.That(manifest.Sources.Select(Resolve), Has.All.StartWith(RepoPaths.DataFolder + Path.DirectorySeparatorChar));
        Assert.That(manifest.License, Is.EqualTo("CC-BY-4.0"));
    }

    [TestCase("default", "CC BY-NC-SA 4.0")]
    [TestCase("team", "CC BY 4.0")]
    public void Bundle_CarriesLicenceFileCardAndCrossValidation(string bundle, string licence)
    {
        var folder = RepoPaths.Bundle(bundle);
        var manifest = ModelBundle.ReadManifest(folder);

        Assert.That(Path.Combine(folder, ModelBundle.LicenseFile), Does.Exist);
        Assert.That(File.ReadAllText(Path.Combine(folder, ModelBundle.LicenseFile)), Does.Contain($"**Creative Commons").And.Contain(licence));
        Assert.That(manifest.Card?.Limitations, Has.Some.Contains("English"), "the card says English is not supported");
        Assert.That(manifest.CrossValidation?.Labels.Select(l => l.Label), Is.EqualTo(manifest.Labels.Select(l => l.Name)));
    }

    [TestCase("default")]
    [TestCase("team")]
    public void Bundle_Lexicons_AreTheTeamsOwn(string bundle)
    {
        var manifest = ModelBundle.ReadManifest(RepoPaths.Bundle(bundle));
        var lexicons = manifest.Normalizer.Lexicons?.Sources ?? [];

        Assert.That(lexicons, Is.Not.Empty);
        foreach (var lexicon in lexicons)
        {
            Assert.That(Path.GetFullPath(Path.Combine(RepoPaths.DataFolder, lexicon.Path)), Does.StartWith(RepoPaths.DataFolder + Path.DirectorySeparatorChar),
                $"{lexicon.Path}: only the team's lexicons (data/lexicons) go into a committed bundle");
        }
    }

    [TestCase("default")]
    [TestCase("team")]
    public void Bundle_Labels_AreTheCanonicalFourAndCampaign(string bundle)
    {
        var manifest = ModelBundle.ReadManifest(RepoPaths.Bundle(bundle));
        Assert.That(manifest.Labels.Select(l => l.Name), Is.EqualTo(ShippedLabels.All));
        Assert.That(ShippedLabels.All, Is.SupersetOf(CanonicalLabels.All));
    }

    [TestCase("default")]
    [TestCase("team")]
    public void Bundle_ClassifierTrainSchemas_HoldNoCopyOfTheVocabulary(string bundle)
    {
        // Each classifier saves the schema it was trained on; with the features' slot names that was the whole
        // vocabulary once per label (hundreds of KB here, 2.9 MB each for a model of the public data).
        using var zip = ZipFile.OpenRead(Path.Combine(RepoPaths.Bundle(bundle), ModelBundle.ModelFile));
        var schemas = zip.Entries.Where(e => e.Name == "TrainSchema").ToList();
        var manifest = ModelBundle.ReadManifest(RepoPaths.Bundle(bundle));

        Assert.That(schemas, Has.Count.EqualTo(manifest.Labels.Count));
        Assert.That(schemas.Select(e => e.Length), Has.All.LessThan(4096));
    }

    [Test]
    public void TeamRecipe_LoadsCorpusWithAtLeast2000Posts()
    {
        var dataset = LabelledDataset.Load(TrainingRecipe.Load(Path.Combine(RepoPaths.DataFolder, "team.recipe.json")));
        Assert.That(dataset.Posts, Has.Count.GreaterThanOrEqualTo(2000));
        Assert.That(dataset.Labels, Is.SupersetOf(CanonicalLabels.All));
    }

    private static string Resolve(SourceManifest source) => Path.GetFullPath(Path.Combine(RepoPaths.DataFolder, source.Path));

    private static bool IsInsideRepository(string path) => path.StartsWith(RepoPaths.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
