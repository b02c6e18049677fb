using System.Text.Json.Nodes;
using HoaxScreen.Core.Featurization;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Tests.Shared;

namespace HoaxScreen.Core.Tests;

/// <summary>
/// A bundle loads only when its files are the ones its manifest lists (path, size, SHA-256): a partial copy or a hand edit
/// is refused with one line naming the file, instead of loading with the same version and silently different verdicts.
/// </summary>
public class BundleVerificationTests
{
    private string _bundle = "";

    [SetUp]
    public void CopyDefaultBundle()
    {
        _bundle = Path.Combine(Directory.CreateTempSubdirectory("hoaxscreen-verify-").FullName, "bundle");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.DefaultModel, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_bundle, Path.GetRelativePath(RepoPaths.DefaultModel, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [TearDown]
    public void DeleteCopy() => Directory.Delete(Path.GetDirectoryName(_bundle)!, recursive: true);

    [Test]
    public void Load_LexiconsFolderRemoved_RefusesNamingAMissingLexicon()
    {
        Directory.Delete(Path.Combine(_bundle, "lexicons"), recursive: true);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleLoader.Load(_bundle));

        Assert.That(error!.Message, Does.Contain("lexicons/slang.csv is missing").And.Contain("does not match its manifest"));
    }

    [Test]
    public void Load_OneLexiconLineEdited_RefusesNamingTheLexicon()
    {
        var slang = Path.Combine(_bundle, "lexicons", "slang.csv");
        var lines = File.ReadAllLines(slang);
        lines[1] = lines[1][..^1] + (lines[1][^1] == 'a' ? 'e' : 'a'); // the same size: only the hash can tell
        File.WriteAllLines(slang, lines);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleLoader.Load(_bundle));

        Assert.That(error!.Message, Does.Contain("lexicons/slang.csv has changed").And.Contain("does not match its manifest"));
    }

    [Test]
    public void Load_ModelFileTruncated_RefusesNamingTheModelFile()
    {
        var model = Path.Combine(_bundle, ModelBundle.ModelFile);
        File.WriteAllBytes(model, File.ReadAllBytes(model)[..(int)(new FileInfo(model).Length / 2)]);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleLoader.Load(_bundle));

        Assert.That(error!.Message, Does.Contain("model.zip is ").And.Contain("bytes, not the").And.Contain("does not match its manifest"));
    }

    [Test]
    public void Load_ExtraLexiconFile_RefusesNamingIt()
    {
        File.WriteAllText(Path.Combine(_bundle, "lexicons", "extra.csv"), "informal,formal\ngblk,baik\n");

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleLoader.Load(_bundle));

        Assert.That(error!.Message, Does.Contain("lexicons/extra.csv is not in the manifest").And.Contain("does not match its manifest"));
    }

    [Test]
    public void Load_LexiconsFolderRemoved_NamesTheOtherMissingLexiconsInOneLine()
    {
        Directory.Delete(Path.Combine(_bundle, "lexicons"), recursive: true);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleLoader.Load(_bundle));

        Assert.That(error!.Message, Does.StartWith(_bundle + ": lexicons/slang.csv is missing; also lexicons/vocabulary.txt, lexicons/watchwords.txt ("));
        Assert.That(error.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void Load_ReportEdited_RefusesNamingTheReport()
    {
        File.AppendAllText(Path.Combine(_bundle, ModelBundle.ReportFile), "\nEdited by hand.\n");

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleLoader.Load(_bundle));

        Assert.That(error!.Message, Does.Contain("report.md is "));
    }

    [Test]
    public void Load_UnlistedFeaturizerFile_RefusesNamingIt()
    {
        var features = Path.Combine(_bundle, NgramVocabularyFile.FileName);
        var bytes = File.ReadAllBytes(features);
        File.Delete(features);
        ModelBundle.Seal(_bundle);
        File.WriteAllBytes(features, bytes);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleLoader.Load(_bundle));

        Assert.That(error!.Message, Does.Contain($"{NgramVocabularyFile.FileName} is not in the manifest"));
    }

    [Test]
    public void Load_UnlistedStrayFilesOutsideLexiconsAndHiddenFiles_AreIgnored()
    {
        File.WriteAllText(Path.Combine(_bundle, "notes.txt"), "copied from the training box");
        File.WriteAllText(Path.Combine(_bundle, ".DS_Store"), "finder");
        File.WriteAllText(Path.Combine(_bundle, "figures", "extra.svg"), "<svg/>");
        File.WriteAllText(Path.Combine(_bundle, "lexicons", ".slang.csv.swp"), "editor swap file");
        Directory.CreateDirectory(Path.Combine(_bundle, "lexicons", ".hidden"));
        File.WriteAllText(Path.Combine(_bundle, "lexicons", ".hidden", "slang.csv"), "informal,formal\ngblk,baik\n");

        Assert.That(() => ModelBundle.VerifyFiles(_bundle, ModelBundle.ReadManifest(_bundle)), Throws.Nothing);
    }

    [Test]
    public void Load_ManifestWithoutFileList_RefusesAskingToSealOrRetrain()
    {
        var path = Path.Combine(_bundle, ModelBundle.ManifestFile);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        manifest.Remove("files");
        File.WriteAllText(path, manifest.ToJsonString());

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleLoader.Load(_bundle));

        Assert.That(error!.Message, Does.Contain("lists no files").And.Contain("retrain").And.Contain("seal --model"));
    }

    [TestCase("../outside.txt")]
    [TestCase("/etc/hostname")]
    [TestCase("lexicons//slang.csv")]
    [TestCase("manifest.json")]
    public void VerifyFiles_ManifestListsAPathOutsideTheBundle_Refuses(string listed)
    {
        var manifest = ModelBundle.ReadManifest(_bundle);
        manifest = manifest with { Files = [.. manifest.Files!, new FileManifest(listed, 1, new string('0', 64))] };

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.VerifyFiles(_bundle, manifest));

        Assert.That(error!.Message, Does.Contain($"invalid or repeated file '{listed}'"));
    }

    [TestCase("default")]
    [TestCase("team")]
    public void VerifyFiles_CommittedBundle_MatchesItsManifest(string bundle)
    {
        var manifest = ModelBundle.ReadManifest(RepoPaths.Bundle(bundle));

        Assert.That(() => ModelBundle.VerifyFiles(RepoPaths.Bundle(bundle), manifest), Throws.Nothing);
        Assert.That(manifest.Files!.Select(f => f.Path), Does.Contain("model.zip").And.Contain("lexicons/slang.csv").And.Contain("report.md"));
    }

    [Test]
    public void Load_TeamBundle_Loads()
    {
        Assert.That(ModelBundleLoader.Load(RepoPaths.TeamModel).Version, Is.EqualTo(ModelBundle.ReadManifest(RepoPaths.TeamModel).Version));
    }

    [Test]
    public void ListFiles_Bundle_IsSortedRelativeSlashSeparatedWithoutManifestOrHiddenFiles()
    {
        File.WriteAllText(Path.Combine(_bundle, ".DS_Store"), "finder");

        var files = ModelBundle.ListFiles(_bundle);

        Assert.That(files.Select(f => f.Path), Is.EqualTo(files.Select(f => f.Path).Order(StringComparer.Ordinal)));
        Assert.That(files.Select(f => f.Path), Does.Contain("figures/reliability.svg").And.Contain("lexicons/watchwords.txt").And.Contain("LICENSE.md"));
        Assert.That(files.Select(f => f.Path), Does.Not.Contain(ModelBundle.ManifestFile).And.Not.Contain(".DS_Store"));
        Assert.That(files.Single(f => f.Path == "model.zip").Bytes, Is.EqualTo(new FileInfo(Path.Combine(_bundle, "model.zip")).Length));
        Assert.That(files, Is.EqualTo(ModelBundle.ReadManifest(RepoPaths.DefaultModel).Files), "the committed bundle is sealed with exactly its files");
    }

    [Test]
    public void Seal_AfterADeliberateLexiconEdit_LoadsWithTheEditInEffectAndTheSameVersion()
    {
        var version = ModelBundle.ReadManifest(_bundle).Version;
        File.AppendAllText(Path.Combine(_bundle, "lexicons", "slang.csv"), "gbkx,goblok\n");
        Assert.That(() => ModelBundleLoader.Load(_bundle), Throws.InstanceOf<ModelBundleException>());

        var sealedManifest = ModelBundle.Seal(_bundle);
        var model = ModelBundleLoader.Load(_bundle);

        Assert.That(model.Version, Is.EqualTo(version));
        Assert.That(model.Normalizer.Normalize("gbkx"), Is.EqualTo("goblok"));
        Assert.That(sealedManifest.Files!.Single(f => f.Path == "lexicons/slang.csv").Bytes, Is.EqualTo(new FileInfo(Path.Combine(_bundle, "lexicons", "slang.csv")).Length));
        Assert.That(ModelBundle.ReadManifest(_bundle).Files, Is.EqualTo(sealedManifest.Files));
    }
}
