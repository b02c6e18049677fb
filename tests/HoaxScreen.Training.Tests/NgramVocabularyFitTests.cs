using HoaxScreen.Core.Data;
using HoaxScreen.Core.Featurization;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Training.Pipeline;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HoaxScreen.Training.Tests;

/// <summary>Fitting the featuriser's vocabulary, and the classifiers that read its vectors.</summary>
public class NgramVocabularyFitTests
{
    private static readonly string[] Texts = ["vaksin chip hoaks", "vaksin aman", "hoaks lagi hoaks", "😡 marah"];

    [Test]
    public void Fit_Texts_KeepsEveryNgramInOrderOfFirstAppearance()
    {
        var vocabulary = NgramVocabularyFit.Fit(Texts, new NgramSettings(2, [3], NgramWeighting.Idf));

        Assert.That(vocabulary.Words.Take(5), Is.EqualTo(new[] { "vaksin", "vaksin chip", "chip", "chip hoaks", "hoaks" }));
        Assert.That(vocabulary.Words, Does.Contain("😡 marah"));
        Assert.That(vocabulary.Chars.Take(2), Is.EqualTo(new[] { "\u0002va", "vak" }));
        Assert.That(vocabulary.Chars, Has.All.Length.EqualTo(3));
        Assert.That(vocabulary.Idf, Has.Length.EqualTo(vocabulary.Words.Count + vocabulary.Chars.Count));
        Assert.That(vocabulary.Documents, Is.EqualTo(4));
    }

    [Test]
    public void Fit_Texts_IdfIsLogOfDocumentsOverDocumentsHoldingIt()
    {
        var vocabulary = NgramVocabularyFit.Fit(Texts, new NgramSettings(1, [], NgramWeighting.Idf));
        float Idf(string word) => vocabulary.Idf[vocabulary.Words.ToList().IndexOf(word)];

        Assert.That(Idf("vaksin"), Is.EqualTo(MathF.Log(4f / 2)).Within(1e-6f), "in two of four texts");
        Assert.That(Idf("hoaks"), Is.EqualTo(MathF.Log(4f / 2)).Within(1e-6f), "twice in one text counts once");
        Assert.That(Idf("aman"), Is.EqualTo(MathF.Log(4f / 1)).Within(1e-6f));
    }

    [Test]
    public void Fit_MinimumOfTwoTexts_LeavesOutNgramsOfOneTextAndKeepsTheIdfOfTheRest()
    {
        var vocabulary = NgramVocabularyFit.Fit(Texts, new NgramSettings(1, [], NgramWeighting.Idf), minDocuments: 2);

        Assert.That(vocabulary.Words, Is.EqualTo(new[] { "vaksin", "hoaks" }), "aman, chip, lagi, marah and the emoji are in one text each");
        Assert.That(vocabulary.Idf, Is.EqualTo(new[] { MathF.Log(4f / 2), MathF.Log(4f / 2) }).Within(1e-6f));
        Assert.That(vocabulary.Documents, Is.EqualTo(4));
    }

    [Test]
    public void Fit_AllCharacterLengths_KeepsEachLength()
    {
        var settings = NgramSettings.From(TrainerSettings.Default with { CharNgramLength = 3, CharNgramAllLengths = true });
        var vocabulary = NgramVocabularyFit.Fit(Texts, settings);

        Assert.That(vocabulary.Chars.Select(c => c.Length).Distinct().Order(), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public void Fit_TextWithCharacterZero_LeavesItsNgramsOut()
    {
        var vocabulary = NgramVocabularyFit.Fit(["a\0b"], new NgramSettings(1, [2], NgramWeighting.Idf));

        Assert.That(vocabulary.Chars, Is.EqualTo(new[] { "\u0002a", "b\u0003" }));
    }

    [Test]
    public void Fit_Twice_GivesTheSameVocabulary()
    {
        var settings = NgramSettings.From(TrainerSettings.Default);

        Assert.That(NgramVocabularyFit.Fit(Texts, settings).Chars, Is.EqualTo(NgramVocabularyFit.Fit(Texts, settings).Chars));
    }

    [Test]
    public void ClassifierNames_AreTheNamesRecipesMayUse() =>
        Assert.That(TrainingPipeline.ClassifierNames, Is.EquivalentTo(TrainerSettings.ClassifierNames));

    [Test]
    public void Fit_TwoLabels_ModelZipAndTheTextClassifierAgree()
    {
        string[] texts = ["vaksin chip bohong", "dasar bodoh kamu", "selamat pagi semua", "hoaks vaksin lagi", "terima kasih infonya", "bodoh sekali anjing"];
        bool?[][] labels = [[true, false], [false, true], [false, false], [true, false], [false, false], [false, true]];
        var ml = new MLContext(seed: 1);

        var fitted = new MultiLabelModelBuilder(ml, TrainerSettings.Default).Fit(texts, labels, ["hoax", "abusive"]);

        var folder = Directory.CreateTempSubdirectory("hoaxscreen-fit-").FullName;
        try
        {
            fitted.Save(ml, folder);
            var saved = ml.Model.Load(Path.Combine(folder, ModelBundle.ModelFile), out _);
            var classifier = new TextClassifier(NgramVocabularyFile.Read(folder), LinearHeads.Extract(saved, 2, "model.zip"));
            Assert.That(classifier.Probabilities(texts), Is.EqualTo(fitted.Classifier.Probabilities(texts)));
            Assert.That(fitted.Classifier.Probabilities(["vaksin chip"])[0][0], Is.GreaterThan(fitted.Classifier.Probabilities(["selamat pagi"])[0][0]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Extract_TreeEnsemble_IsRefusedSayingOnlyLinearClassifiersAreServed()
    {
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 40).Select(i => new Row { Label = i % 2 == 0, Features = [i % 2, i % 3, i % 5] });
        var data = ml.Data.LoadFromEnumerable(rows);
        var trees = ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 2, numberOfTrees: 2, minimumExampleCountPerLeaf: 2).Fit(data);
        var chain = new TransformerChain<ITransformer>(trees);

        var error = Assert.Throws<ModelBundleException>(() => LinearHeads.Extract(chain, 1, "model.zip"));

        Assert.That(error!.Message, Does.Contain("only Platt-calibrated linear classifiers are served"));
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        [VectorType(3)]
        public float[] Features { get; set; } = [];
    }
}
