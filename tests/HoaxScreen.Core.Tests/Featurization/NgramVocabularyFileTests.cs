using System.IO.Compression;
using HoaxScreen.Core.Featurization;
using HoaxScreen.Core.Modeling;

namespace HoaxScreen.Core.Tests;

/// <summary>features.ngrams: what training writes is what serving reads, and a damaged file is a bundle error naming it.</summary>
public class NgramVocabularyFileTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("hoaxscreen-ngrams-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static NgramVocabulary Vocabulary() => new(
        new NgramSettings(2, [2, 5], NgramWeighting.TfIdf),
        Documents: 3,
        ["vaksin", "chip", "vaksin chip", "😡"],
        ["va", "ks", "\u0002v", "aksin", "😡"],
        [1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f]);

    [Test]
    public void WriteThenRead_FeaturizesAsTheVocabularyDoes()
    {
        var vocabulary = Vocabulary();
        NgramVocabularyFile.Write(_folder, vocabulary);

        var read = NgramVocabularyFile.Read(_folder);
        var direct = vocabulary.ToFeaturizer();

        Assert.That(read.Settings.Weighting, Is.EqualTo(NgramWeighting.TfIdf));
        Assert.That(read.Settings.CharNgramLengths, Is.EqualTo(new[] { 2, 5 }));
        Assert.That(read.Size, Is.EqualTo(direct.Size));
        Assert.That(read.WordSlots, Is.EqualTo(direct.WordSlots));
        foreach (var text in new[] { "vaksin chip", "vaksin 😡 chip vaksin", "", "aksin vaksin" })
        {
            direct.Featurize(text, out var slots, out var values);
            var (expectedSlots, expectedValues) = (slots.ToArray(), values.ToArray());
            read.Featurize(text, out slots, out values);
            Assert.That(slots.ToArray(), Is.EqualTo(expectedSlots), text);
            Assert.That(values.ToArray(), Is.EqualTo(expectedValues), text);
        }
    }

    [Test]
    public void Read_NoFile_IsABundleErrorNamingIt()
    {
        var error = Assert.Throws<ModelBundleException>(() => NgramVocabularyFile.Read(_folder));

        Assert.That(error!.Message, Does.Contain(NgramVocabularyFile.FileName).And.Contain("missing"));
    }

    [Test]
    public void Read_OtherHeader_IsABundleErrorNamingTheFile()
    {
        NgramVocabularyFile.Write(_folder, Vocabulary());
        var path = Path.Combine(_folder, NgramVocabularyFile.FileName);
        var bytes = File.ReadAllBytes(path);
        bytes[0] = (byte)'X';
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<ModelBundleException>(() => NgramVocabularyFile.Read(_folder));

        Assert.That(error!.Message, Does.StartWith(path).And.Contain("unknown header"));
    }

    [Test]
    public void Read_CutShort_IsABundleErrorNamingTheFile()
    {
        NgramVocabularyFile.Write(_folder, Vocabulary());
        var path = Path.Combine(_folder, NgramVocabularyFile.FileName);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<ModelBundleException>(() => NgramVocabularyFile.Read(_folder));

        Assert.That(error!.Message, Does.StartWith(path).And.Contain("not a featuriser file"));
    }

    [TestCase(-1, "truncated")]
    [TestCase(+2, "bytes after the last n-gram")]
    public void Read_BodyOfTheWrongLength_IsABundleErrorSayingWhat(int change, string problem)
    {
        NgramVocabularyFile.Write(_folder, Vocabulary());
        var path = Path.Combine(_folder, NgramVocabularyFile.FileName);
        var file = File.ReadAllBytes(path);
        using var body = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(file[8..]), CompressionMode.Decompress))
        {
            zlib.CopyTo(body);
        }

        var changed = body.ToArray().ToList();
        if (change < 0)
        {
            changed.RemoveRange(changed.Count + change, -change);
        }
        else
        {
            changed.AddRange(new byte[change]);
        }

        using (var output = File.Create(path))
        {
            output.Write(file.AsSpan(0, 8));
            using var zlib = new ZLibStream(output, CompressionLevel.Fastest);
            zlib.Write(changed.ToArray());
        }

        var error = Assert.Throws<ModelBundleException>(() => NgramVocabularyFile.Read(_folder));

        Assert.That(error!.Message, Does.StartWith(path).And.Contain(problem));
    }
}
