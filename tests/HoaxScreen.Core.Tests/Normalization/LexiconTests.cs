using HoaxScreen.Core.Text;

namespace HoaxScreen.Core.Tests.Normalization;

public class LexiconTests
{
    private static Lexicon Build() => new(
        [new("yg", "yang"), new("gpp", "tidak apa apa"), new(" Bgt ", " BANGET "), new("ok", "ok"), new("dua kata", "x"), new("", "kosong")],
        ["anjing", "jancok", "jancuk", "Babi", "babi"],
        ["semua", " Dasar "]);

    [TestCase("a*jing", "anjing")]
    [TestCase("b*bi", "babi")]
    [TestCase("b**i", "babi")]
    public void Unmask_ExactlyOneWatchwordFits_ReturnsIt(string masked, string expected)
    {
        Assert.That(Build().Unmask(masked), Is.EqualTo(expected));
    }

    [TestCase("janc*k")] // jancok and jancuk
    [TestCase("x*jing")] // nothing fits
    [TestCase("a*j")] // no watch word of that length
    public void Unmask_NoneOrSeveralFit_ReturnsNull(string masked)
    {
        Assert.That(Build().Unmask(masked), Is.Null);
    }

    [Test]
    public void Constructor_SlangEntries_AreTrimmedLoweredAndFiltered()
    {
        var lexicon = Build();
        Assert.That(lexicon.Slang.Keys, Is.EquivalentTo(new[] { "yg", "gpp", "bgt" }));
        Assert.That(lexicon.TryGetSlang("gpp", out var words), Is.True);
        Assert.That(words, Is.EqualTo(new[] { "tidak", "apa", "apa" }));
        Assert.That(lexicon.TryGetSlang("bgt", out var banget) ? banget : null, Is.EqualTo(new[] { "banget" }));
    }

    [Test]
    public void Constructor_Watchwords_AreLoweredAndDistinct()
    {
        Assert.That(Build().Watchwords, Is.EqualTo(new[] { "anjing", "jancok", "jancuk", "babi" }));
    }

    [TestCase("semua")]
    [TestCase("dasar")]
    [TestCase("anjing")] // watch words are known
    [TestCase("yg")] // slang keys are known
    [TestCase("apa")] // and the words they expand to
    public void IsKnown_VocabularyWatchwordsAndSlang_AreKnown(string word)
    {
        Assert.That(Build().IsKnown(word), Is.True);
    }

    [Test]
    public void IsKnown_UnknownOrUpperCaseWord_IsFalse()
    {
        Assert.That(Build().IsKnown("sirsak"), Is.False);
        Assert.That(Build().IsKnown("SEMUA"), Is.False);
    }

    [Test]
    public void SaveFolder_ThenLoadFolder_KeepsTheLists()
    {
        var dir = Directory.CreateTempSubdirectory("hoaxscreen-lexicon-").FullName;
        try
        {
            var original = Build();
            original.SaveFolder(dir);
            var loaded = Lexicon.LoadFolder(dir);
            Assert.That(loaded.Slang.ToDictionary(kv => kv.Key, kv => string.Join(' ', kv.Value)),
                Is.EquivalentTo(original.Slang.ToDictionary(kv => kv.Key, kv => string.Join(' ', kv.Value))));
            Assert.That(loaded.Watchwords, Is.EqualTo(original.Watchwords));
            Assert.That(loaded.Vocabulary, Is.EquivalentTo(original.Vocabulary));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void LoadFolder_NoLexiconFiles_GivesEmptyLexicon()
    {
        var dir = Directory.CreateTempSubdirectory("hoaxscreen-lexicon-").FullName;
        try
        {
            var loaded = Lexicon.LoadFolder(dir);
            Assert.That((loaded.SlangCount, loaded.WatchwordCount, loaded.VocabularyCount), Is.EqualTo((0, 0, 0)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
