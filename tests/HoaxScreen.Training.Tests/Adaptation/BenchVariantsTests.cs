using HoaxScreen.Core.Adaptation;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Core.Scoring;
using HoaxScreen.Training.Adaptation;
using Microsoft.ML;

namespace HoaxScreen.Training.Tests.Adaptation;

/// <summary>
/// The bench-only variants of <c>local</c> that a bundle cannot carry (bench/results/adapt.md, "Tried"): community
/// n-grams the base lacks and the feedback-similarity gate. They are scored by <see cref="AdaptedModel.Probabilities"/>,
/// and the bundle writer refuses them rather than ship a model other than the one fitted.
/// </summary>
public class BenchVariantsTests
{
    private string _work = string.Empty;
    private ScoringModel _base = null!;
    private BaseHeads _heads = null!;
    private FeedbackPosts _feedback = null!;
    private List<string> _texts = [];
    private int _hoax;

    [OneTimeSetUp]
    public void TrainBase()
    {
        _work = Directory.CreateTempSubdirectory("hoaxscreen-variants-").FullName;
        var corpus = CommunityPosts.Write(Path.Combine(_work, "base.csv"), CommunityPosts.Base());
        var bundle = Path.Combine(_work, "base");
        Assert.That(CliRun.Of("train", "--data", corpus, "--out", bundle).ExitCode, Is.EqualTo(0));
        _base = ModelBundleLoader.Load(bundle);
        _heads = BaseHeads.Load(new MLContext(seed: 1), bundle, _base.Labels.Count);
        _feedback = FeedbackPosts.Load(CommunityPosts.Write(Path.Combine(_work, "feedback.csv"), CommunityPosts.Community(100, 0)), _base.Labels);
        _texts = [.. CommunityPosts.Community(30, 700).Select(p => _base.Normalize(p.Text))];
        _hoax = _base.Labels.ToList().IndexOf("hoax");
    }

    [OneTimeTearDown]
    public void RemoveWork() => Directory.Delete(_work, recursive: true);

    [Test]
    public void Adapt_CommunityNgrams_CorrectionWeighsThemAndScoresMove()
    {
        var adapted = new CommunityAdapter(_ => { }).Adapt(_base, _heads, _feedback, AdaptationMethod.Local, new LocalTuning(CommunityNgrams: true));

        // "dibatalkan diam-diam, kata orang dalam" is community wording the base never saw.
        Assert.That(adapted.Vocabulary!.Contains("dibatalkan"), Is.True);
        Assert.That(adapted.Labels[_hoax].Fit.Correction.Keys.Any(slot => slot >= adapted.Vocabulary.Offset), Is.True);
        var withNgrams = adapted.Probabilities(_texts);
        var baseFeaturesOnly = adapted.Classifier.Probabilities(_texts);
        Assert.That(Enumerable.Range(0, _texts.Count).Any(i => Math.Abs(withNgrams[i][_hoax] - baseFeaturesOnly[i][_hoax]) > 1e-3), Is.True);
    }

    [Test]
    public void Adapt_SimilarityGate_FeedbackLikePostsGetTheWholeCorrection()
    {
        var gated = new CommunityAdapter(_ => { }).Adapt(_base, _heads, _feedback, AdaptationMethod.Local, new LocalTuning(SimilarityGate: true));
        var plain = new CommunityAdapter(_ => { }).Adapt(_base, _heads, _feedback, AdaptationMethod.Local);

        var gatedScores = gated.Probabilities(_texts);
        var plainScores = plain.Classifier.Probabilities(_texts);

        Assert.That(gatedScores.Select(s => s[_hoax]), Is.EqualTo(plainScores.Select(s => s[_hoax])).Within(1e-4));
        Assert.That(plain.Labels[_hoax].Fit, Is.Not.EqualTo(ResidualFit.Identity));
    }

    [Test]
    public void Adapt_SimilarityGate_PostUnlikeTheFeedbackMovesLessThanUngated()
    {
        var gated = new CommunityAdapter(_ => { }).Adapt(_base, _heads, _feedback, AdaptationMethod.Local, new LocalTuning(SimilarityGate: true));
        var plain = new CommunityAdapter(_ => { }).Adapt(_base, _heads, _feedback, AdaptationMethod.Local);
        // One of the community's words among words it never used: plain local moves it fully, the gate partly.
        List<string> unlike = [_base.Normalize("konon xyzzy qwrtp plugh frobnicate zork grue wumpus")];
        var baseScore = _base.Classifier.Probabilities(unlike)[0][_hoax];
        var plainShift = Math.Abs(plain.Classifier.Probabilities(unlike)[0][_hoax] - baseScore);
        var gatedShift = Math.Abs(gated.Probabilities(unlike)[0][_hoax] - baseScore);

        Assert.That(plainShift, Is.GreaterThan(1e-3));
        Assert.That(gatedShift, Is.LessThan(plainShift / 2), $"ungated shift {plainShift:F4}");
    }

    [Test]
    public void Write_BenchOnlyVariant_Refused()
    {
        var ml = new MLContext(seed: 1);
        var gated = new CommunityAdapter(_ => { }).Adapt(_base, _heads, _feedback, AdaptationMethod.Local, new LocalTuning(SimilarityGate: true));

        Assert.Throws<InvalidOperationException>(() => AdaptedBundleWriter.Write(ml, gated, _feedback, AdaptationMethod.Local, Path.Combine(_work, "gated")));
        Assert.That(Directory.Exists(Path.Combine(_work, "gated")), Is.False);
    }
}
