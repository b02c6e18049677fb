using HoaxScreen.Core.Claims.Matching;
using HoaxScreen.Training.Claims;
using Microsoft.ML;

namespace HoaxScreen.Training.Tests.Claims;

/// <summary>
/// The match decider learns from pair features, and thresholds chosen on out-of-fold scores hold their precision:
/// synthetic claims that share a topic word and differ in their details, posts that repeat them with noise, posts on
/// the same topics with other details, and unrelated posts.
/// </summary>
public class ClaimDeciderTrainerTests
{
    private static readonly string[] Topics = ["vaksin", "tps", "banjir", "bansos", "gempa"];
    private static readonly string[] Places = ["jakarta", "bandung", "medan", "makassar", "padang", "kupang", "ambon", "palu"];
    private static readonly string[] Things = ["chip", "babi", "racun", "uang", "surat", "kartu", "air", "listrik"];

    private static (List<(string Id, string Text)> Claims, List<DeciderPost> Posts) Synthetic(int seed)
    {
        var random = new Random(seed);
        var claims = new List<(string, string)>();
        for (var i = 0; i < 120; i++)
        {
            var text = $"{Topics[i % Topics.Length]} {Things[(i / 5) % Things.Length]} di {Places[(i / 40) % Places.Length]} tanggal {i % 28 + 1} nomor {i}";
            claims.Add(($"c{i}", text));
        }

        var posts = new List<DeciderPost>();
        foreach (var (id, text) in claims)
        {
            var words = text.Split(' ').ToList();
            for (var v = 0; v < 2; v++)
            {
                var noisy = words.Where(_ => random.NextDouble() > 0.15).Append(random.Next(2) == 0 ? "sebarkan" : "katanya");
                posts.Add(new DeciderPost(string.Join(' ', noisy), id));
            }
        }

        for (var i = 0; i < 150; i++)
        {
            var related = $"{Topics[i % Topics.Length]} hari ini aman kata warga {Places[i % Places.Length]}";
            posts.Add(new DeciderPost(i % 2 == 0 ? related : $"selamat pagi semua semoga sehat nomor {i + 500}", null));
        }

        return (claims, [.. posts.OrderBy(_ => random.Next())]);
    }

    [Test]
    public void OutOfFold_SyntheticRepeats_MatchThresholdHoldsItsPrecisionWithHighRecall()
    {
        var (claims, posts) = Synthetic(7);
        var index = Bm25ClaimIndex.Build(claims);
        var rows = ClaimDeciderTrainer.Rows(index, [.. claims.Select(c => c.Text)], posts);
        var ml = new MLContext(seed: 1);

        var probabilities = ClaimDeciderTrainer.OutOfFold(ml, rows, folds: 5);
        var decisions = ClaimDecisions.Of(rows, probabilities, posts);
        var threshold = ClaimDecisions.Threshold(decisions, 0.95);
        var (precision, recall, _) = ClaimDecisions.At(decisions, threshold);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Count(r => r.Label), Is.GreaterThan(200), "most repeats retrieve their claim");
            Assert.That(precision, Is.GreaterThanOrEqualTo(0.95));
            Assert.That(recall, Is.GreaterThan(0.7));
            Assert.That(threshold, Is.InRange(0.0, 1.0));
        });
    }

    [Test]
    public void Threshold_DecisionsWithKnownOutcomes_IsTheLowestMeetingThePrecision()
    {
        PostDecision D(float p, bool right) => new(p, right, true);
        var decisions = new[] { D(0.9f, true), D(0.8f, true), D(0.7f, false), D(0.6f, true), D(0.5f, false), D(0.4f, false) };

        Assert.Multiple(() =>
        {
            Assert.That(ClaimDecisions.Threshold(decisions, 1.0), Is.EqualTo(0.8).Within(1e-6), "0.9 and 0.8 are right, 0.7 is not");
            Assert.That(ClaimDecisions.Threshold(decisions, 0.75), Is.EqualTo(0.6).Within(1e-6), "3 of 4 at 0.6");
            Assert.That(ClaimDecisions.Threshold([D(0.9f, false)], 0.5), Is.EqualTo(1.0), "nothing qualifies: decide nothing");
        });
    }
}
