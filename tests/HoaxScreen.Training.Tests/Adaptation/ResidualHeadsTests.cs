using HoaxScreen.Core.Adaptation;
using HoaxScreen.Core.Modeling;
using HoaxScreen.Training.Adaptation;
using Microsoft.ML;

namespace HoaxScreen.Training.Tests.Adaptation;

/// <summary>
/// The adapted head ML.NET ships must score exactly what the fitted residual model scores: α·ℓ + β + v·x folded into
/// one calibrated linear head (the sign of ML.NET's Platt calibrator and the reflection into its internals included).
/// </summary>
public class ResidualHeadsTests
{
    [Test]
    public void Adapt_EachMethod_ShippedHeadScoresWhatTheFitScores()
    {
        var work = Directory.CreateTempSubdirectory("hoaxscreen-residual-").FullName;
        try
        {
            var corpus = CommunityPosts.Write(Path.Combine(work, "base.csv"), CommunityPosts.Base());
            var bundle = Path.Combine(work, "base");
            Assert.That(CliRun.Of("train", "--data", corpus, "--out", bundle).ExitCode, Is.EqualTo(0));
            var baseModel = ModelBundleLoader.Load(bundle);
            var heads = BaseHeads.Load(new MLContext(seed: 1), bundle, baseModel.Labels.Count);
            var feedback = FeedbackPosts.Load(CommunityPosts.Write(Path.Combine(work, "feedback.csv"), CommunityPosts.Community(100, 0)), baseModel.Labels);
            var texts = CommunityPosts.Community(30, 700).Select(p => baseModel.Normalize(p.Text)).ToList();
            var hoax = baseModel.Labels.ToList().IndexOf("hoax");

            foreach (var method in new[] { AdaptationMethod.Platt, AdaptationMethod.Residual, AdaptationMethod.Warm, AdaptationMethod.Local })
            {
                var adapted = new CommunityAdapter(_ => { }).Adapt(baseModel, heads, feedback, method);
                var shipped = adapted.Classifier.Probabilities(texts);
                var scores = new HoaxScreen.Core.Scoring.LabelScores();
                for (var i = 0; i < texts.Count; i++)
                {
                    baseModel.Classifier.Featurizer.Featurize(texts[i], out var slots, out var values);
                    baseModel.Classifier.Heads.Score(slots, values, scores);
                    var row = new SparseRow(slots.ToArray(), values.ToArray(), [.. Enumerable.Range(0, baseModel.Labels.Count).Select(l => heads.Logit(l, scores.Margins[l]))]);
                    Assert.That(shipped[i][hoax], Is.EqualTo(adapted.Labels[hoax].Fit.Probability(row, hoax)).Within(1e-4), $"{method}, post {i}");
                }

                Assert.That(adapted.Labels[hoax].Fit, Is.Not.EqualTo(ResidualFit.Identity), method.ToString());
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
