using HoaxScreen.Core.Labels;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Core.Tests;

public class ScoringModelTests
{
    private static readonly Lazy<ScoringModel> DefaultModel = new(() => ModelBundleLoader.Load(RepoPaths.DefaultModel));

    [Test]
    public void Load_DefaultBundle_ExposesCanonicalLabelsAndVersion()
    {
        var model = DefaultModel.Value;
        Assert.That(model.Labels, Is.SupersetOf(CanonicalLabels.All));
        Assert.That(model.Version, Is.Not.Empty);
    }

    [Test]
    public void Score_SinglePostAndBatch_GiveSameProbabilities()
    {
        var model = DefaultModel.Value;
        string[] posts =
        [
            "SEBARKAN!!! air rebusan daun sirsak sembuhkan kanker dlm 3 hari, kata dokter RS pusat",
            "dasar goblok lu anjing",
            "selamat pagi, jangan lupa sarapan ya gaes 😊",
            "",
        ];
        var batch = model.ScoreBatch(posts);
        for (var i = 0; i < posts.Length; i++)
        {
            var single = model.Score(posts[i]);
            Assert.That(single.Labels.Select(l => l.Score), Is.EqualTo(batch[i].Labels.Select(l => l.Score)).Within(1e-5f));
            Assert.That(single.Flagged, Is.EqualTo(batch[i].Flagged));
        }
    }

    [Test]
    public void Score_AbusivePost_ScoresAboveCleanPost()
    {
        var model = DefaultModel.Value;
        var abusive = model.Labels.ToList().IndexOf(CanonicalLabels.Abusive);
        var verdicts = model.ScoreBatch(["anjing bangsat goblok lu", "terima kasih infonya min, sangat membantu"]);
        Assert.That(verdicts[0].Labels[abusive].Score, Is.GreaterThan(verdicts[1].Labels[abusive].Score));
        Assert.That(verdicts[0].Labels[abusive].Flagged, Is.True);
    }

    [Test]
    public void Verdict_FlaggedLabels_AreThoseAtOrAboveThreshold()
    {
        var verdict = DefaultModel.Value.ScoreBatch(["usir semua pendatang itu, dasar kafir anjing"])[0];
        Assert.That(verdict.Labels.All(l => l.Flagged == (l.Score >= l.Threshold)), Is.True);
        Assert.That(verdict.Flagged, Is.EqualTo(verdict.Labels.Any(l => l.Flagged)));
    }

    [Test]
    public void Load_MissingFolder_ThrowsBundleException()
    {
        var ex = Assert.Throws<ModelBundleException>(() => ModelBundleLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-bundle-" + Guid.NewGuid())));
        Assert.That(ex!.Message, Does.Contain("not found"));
    }

    [Test]
    public void Load_CorruptModelFile_ThrowsBundleException()
    {
        var dir = Directory.CreateTempSubdirectory("hoaxscreen-corrupt-").FullName;
        File.Copy(Path.Combine(RepoPaths.DefaultModel, ModelBundle.ManifestFile), Path.Combine(dir, ModelBundle.ManifestFile));
        File.WriteAllText(Path.Combine(dir, ModelBundle.ModelFile), "not a zip");
        // Sealed as it is, so the files match the manifest and the model reader itself must refuse it.
        ModelBundle.Seal(dir);
        var ex = Assert.Throws<ModelBundleException>(() => ModelBundleLoader.Load(dir));
        Assert.That(ex!.Message, Does.Contain(ModelBundle.ModelFile).And.Contain("not a readable ML.NET model"));
        Directory.Delete(dir, recursive: true);
    }

    [Test]
    public void ReadManifest_UnsupportedFormat_ThrowsBundleException()
    {
        var dir = Directory.CreateTempSubdirectory("hoaxscreen-format-").FullName;
        var json = File.ReadAllText(Path.Combine(RepoPaths.DefaultModel, ModelBundle.ManifestFile)).Replace($"\"format\": {ModelManifest.CurrentFormat}", "\"format\": 99");
        File.WriteAllText(Path.Combine(dir, ModelBundle.ManifestFile), json);
        var ex = Assert.Throws<ModelBundleException>(() => ModelBundle.ReadManifest(dir));
        Assert.That(ex!.Message, Does.Contain("format 99"));
        Directory.Delete(dir, recursive: true);
    }

    [Test]
    public void ReadManifest_FormatOneBundleWithItsOldFields_SaysToRetrain()
    {
        // Format 1 manifests carried trainer.featurizer, which format 2 no longer knows: the format is named, not the field.
        var dir = Directory.CreateTempSubdirectory("hoaxscreen-format-").FullName;
        var json = File.ReadAllText(Path.Combine(RepoPaths.DefaultModel, ModelBundle.ManifestFile))
            .Replace($"\"format\": {ModelManifest.CurrentFormat}", "\"format\": 1")
            .Replace("\"algorithm\": \"sdca\",", "\"algorithm\": \"sdca\", \"featurizer\": \"text\",");
        File.WriteAllText(Path.Combine(dir, ModelBundle.ManifestFile), json);

        var ex = Assert.Throws<ModelBundleException>(() => ModelBundle.ReadManifest(dir));

        Assert.That(ex!.Message, Does.Contain("bundle format 1 is not supported").And.Contain("retrain"));
        Directory.Delete(dir, recursive: true);
    }

    [TestCase("hoax", true)]
    [TestCase("hate_speech", true)]
    [TestCase("Hate Speech", false)]
    [TestCase("1abc", false)]
    public void IsValidName_Examples(string name, bool valid)
    {
        Assert.That(CanonicalLabels.IsValidName(name), Is.EqualTo(valid));
    }
}
